package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.ClaimsCodec;

/** The reference codec meets the contract too, so that agreeing with it means something. */
class JacksonClaimsCodecTest extends ClaimsCodecContract {

    @Override
    ClaimsCodec codec() {
        return new JacksonClaimsCodec();
    }
}

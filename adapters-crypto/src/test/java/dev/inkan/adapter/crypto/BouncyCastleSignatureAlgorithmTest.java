package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.SignatureAlgorithm;

/** {@link SignatureAlgorithmContract} for Bouncy Castle's lightweight {@code Ed25519} and {@code ECDSASigner}. */
class BouncyCastleSignatureAlgorithmTest extends SignatureAlgorithmContract {

    @Override
    SignatureAlgorithm create() {
        return new BouncyCastleSignatureAlgorithm();
    }
}

package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.SignatureAlgorithm;

/** {@link SignatureAlgorithmContract} for the JDK's {@code java.security.Signature}. */
class JcaSignatureAlgorithmTest extends SignatureAlgorithmContract {

    @Override
    SignatureAlgorithm create() {
        return new JcaSignatureAlgorithm();
    }
}

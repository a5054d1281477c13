package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.domain.JwsAlgorithm;

/** {@link MacAlgorithmContract} for the JDK's {@code javax.crypto.Mac}. */
class JcaMacAlgorithmTest extends MacAlgorithmContract {

    @Override
    MacAlgorithm create(JwsAlgorithm algorithm) {
        return new JcaMacAlgorithm(algorithm);
    }
}

package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.domain.JwsAlgorithm;

/** {@link MacAlgorithmContract} for Bouncy Castle's lightweight {@code HMac}. */
class BouncyCastleMacAlgorithmTest extends MacAlgorithmContract {

    @Override
    MacAlgorithm create(JwsAlgorithm algorithm) {
        return new BouncyCastleMacAlgorithm(algorithm);
    }
}

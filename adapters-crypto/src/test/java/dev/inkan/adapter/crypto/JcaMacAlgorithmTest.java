package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.MacAlgorithm;

/** {@link MacAlgorithmContract} for the JDK's {@code javax.crypto.Mac}. */
class JcaMacAlgorithmTest extends MacAlgorithmContract {

    @Override
    MacAlgorithm create() {
        return new JcaMacAlgorithm();
    }
}

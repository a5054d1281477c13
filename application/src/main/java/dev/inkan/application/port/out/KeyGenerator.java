package dev.inkan.application.port.out;

import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.SigningKey;

/** Driven port: new random signing keys, each with its RFC 7638 thumbprint as its key id. */
public interface KeyGenerator {

    /**
     * @return a new key of {@code algorithm}: a secret as long as its MAC, or a key pair
     */
    SigningKey generate(JwsAlgorithm algorithm);
}

package dev.inkan.application.port.out;

import dev.inkan.token.Mac;
import dev.inkan.token.SigningKey;

/** Driven port: the HMACs of JWS (HS256, HS384, HS512) from one crypto provider. */
public interface MacAlgorithm {

    /**
     * Prepares {@code key} once, so that computing a MAC on the hot path creates nothing per token.
     *
     * @return a thread-safe MAC function of the key's algorithm under {@code key}
     */
    Mac keyed(SigningKey key);
}

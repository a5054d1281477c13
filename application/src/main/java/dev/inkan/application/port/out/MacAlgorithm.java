package dev.inkan.application.port.out;

import dev.inkan.domain.JwsAlgorithm;
import dev.inkan.domain.SigningKey;

/** Driven port: one HMAC algorithm (HS256, HS384 or HS512) from one crypto provider. */
public interface MacAlgorithm {

    /** @return the JWS algorithm this computes */
    JwsAlgorithm algorithm();

    /**
     * Prepares {@code key} once, so that computing a MAC on the hot path creates nothing per token.
     *
     * @return a thread-safe MAC function under {@code key}
     */
    KeyedMac keyed(SigningKey key);

    /** A MAC function under one key; safe to call from many threads at once. */
    interface KeyedMac {

        /** @return the MAC of {@code input[offset, offset + length)} */
        byte[] compute(byte[] input, int offset, int length);
    }
}

package dev.inkan.application.port.in;

import dev.inkan.domain.KeyState;
import dev.inkan.token.JwsAlgorithm;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One signing key of the key store, as {@code keys list} shows it: never its secret.
 *
 * @param state where it is in its life at the instant it was read
 * @param retireAt when it retires; empty while no newer key is to take over
 */
public record KeySummary(String keyId, JwsAlgorithm algorithm, KeyState state, Instant signsFrom, Optional<Instant> retireAt) {

    public KeySummary {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(signsFrom, "signsFrom");
        Objects.requireNonNull(retireAt, "retireAt");
    }
}

package dev.inkan.application.port.in;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an early retirement did.
 *
 * @param retired the key, retired now
 * @param lastTokenExpiry when the last token it signed expires: until then its revocation is kept
 * @param successor the key that signs from now, when the retired key was the signing key
 * @param successorIsNew whether that key was made for it (no key had been published to sign next)
 */
public record KeyRetirement(KeySummary retired, Instant lastTokenExpiry, Optional<KeySummary> successor, boolean successorIsNew) {

    public KeyRetirement {
        Objects.requireNonNull(retired, "retired");
        Objects.requireNonNull(lastTokenExpiry, "lastTokenExpiry");
        Objects.requireNonNull(successor, "successor");
    }
}

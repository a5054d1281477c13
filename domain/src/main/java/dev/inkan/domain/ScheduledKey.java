package dev.inkan.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Value object: when one signing key of a key store signs and when it retires, by its key id; its
 * key material is kept elsewhere.
 *
 * @param signsFrom from when the key may sign (until a newer key takes over); before it, the key is
 *     published and verifies
 * @param retireAt from when the key neither signs nor verifies; empty while no newer key is to take over
 */
public record ScheduledKey(String keyId, Instant signsFrom, Optional<Instant> retireAt) {

    public ScheduledKey {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("a key needs a key id");
        }
        Objects.requireNonNull(signsFrom, "signsFrom");
        Objects.requireNonNull(retireAt, "retireAt");
    }

    /** @return whether the key is retired at {@code now}: its retire_at has come */
    public boolean isRetiredAt(Instant now) {
        return retireAt.isPresent() && !retireAt.get().isAfter(now);
    }

    /** @return this key, signing from {@code instant} */
    ScheduledKey signingFrom(Instant instant) {
        return new ScheduledKey(keyId, instant, retireAt);
    }

    /** @return this key, retiring at {@code instant}, or never on its own when empty */
    ScheduledKey retiringAt(Optional<Instant> instant) {
        return new ScheduledKey(keyId, signsFrom, instant);
    }
}

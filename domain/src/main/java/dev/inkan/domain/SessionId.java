package dev.inkan.domain;

import java.util.Objects;
import java.util.UUID;

/** Value object: one login session, the family of refresh tokens it rotates through, carried as the {@code sid} claim. */
public record SessionId(UUID value) {

    public SessionId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses the canonical string form of a session id.
     *
     * @throws IllegalArgumentException when {@code text} is not a canonical UUID
     */
    public static SessionId parse(String text) {
        return new SessionId(Uuids.parseCanonical(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

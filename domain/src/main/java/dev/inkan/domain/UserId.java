package dev.inkan.domain;

import java.util.Objects;
import java.util.UUID;

/** Value object: the stable identifier of a user, carried as the {@code sub} claim. */
public record UserId(UUID value) {

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses the canonical string form of a user id.
     *
     * @throws IllegalArgumentException when {@code text} is not a canonical UUID
     */
    public static UserId parse(String text) {
        return new UserId(Uuids.parseCanonical(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package dev.inkan.domain;

import java.time.Instant;
import java.util.Objects;

/** Entity: a registered user. */
public record User(UserId id, Email email, PasswordHash passwordHash, Instant createdAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A user who has just registered. */
    public static User register(UserId id, Email email, PasswordHash passwordHash, Instant now) {
        return new User(id, email, passwordHash, now);
    }

    public User withPasswordHash(PasswordHash newHash) {
        return new User(id, email, newHash, createdAt);
    }
}

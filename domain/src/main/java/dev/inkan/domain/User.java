package dev.inkan.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Entity: a registered user. {@code tokensValidAfter}, when present, is the instant of the user's last
 * "log out everywhere": access tokens issued before it are refused.
 */
public record User(UserId id, Email email, PasswordHash passwordHash, Instant createdAt, Optional<Instant> tokensValidAfter) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(tokensValidAfter, "tokensValidAfter");
    }

    /** A user who has just registered. */
    public static User register(UserId id, Email email, PasswordHash passwordHash, Instant now) {
        return new User(id, email, passwordHash, now, Optional.empty());
    }

    public User withPasswordHash(PasswordHash newHash) {
        return new User(id, email, newHash, createdAt, tokensValidAfter);
    }
}

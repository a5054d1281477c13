package dev.inkan.application.port.in;

import dev.inkan.domain.Email;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * Result: what a user may read about themselves; never the password hash.
 *
 * @param emailVerified whether the user proved the address is theirs
 */
public record UserProfile(UserId id, Email email, Instant createdAt, boolean emailVerified) {

    public UserProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static UserProfile from(User user) {
        return new UserProfile(user.id(), user.email(), user.createdAt(), user.emailVerified());
    }
}

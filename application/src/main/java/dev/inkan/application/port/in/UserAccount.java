package dev.inkan.application.port.in;

import dev.inkan.domain.Email;
import dev.inkan.domain.Role;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Result: a user as an administrator sees them, without the password hash. */
public record UserAccount(UserId id, Email email, Instant createdAt, List<Role> roles, Optional<Instant> disabledAt) {

    public UserAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(createdAt, "createdAt");
        roles = List.copyOf(roles);
        Objects.requireNonNull(disabledAt, "disabledAt");
    }

    public static UserAccount of(User user) {
        return new UserAccount(user.id(), user.email(), user.createdAt(), user.roles(), user.disabledAt());
    }
}

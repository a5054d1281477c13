package dev.inkan.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Entity: a registered user.
 *
 * @param roles what the user may do, sorted, each once, at most {@link Role#MAX_PER_USER}
 * @param rolesVersion counts the removals of roles: an access token that carries an older version
 *     may hold a role taken away since, and is refused
 * @param disabledAt when an administrator disabled the account, which then cannot log in
 * @param emailVerifiedAt when the user proved the address is theirs (a link mailed to it was used)
 */
public record User(UserId id, Email email, PasswordHash passwordHash, Instant createdAt, List<Role> roles,
                   long rolesVersion, Optional<Instant> disabledAt, Optional<Instant> emailVerifiedAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        roles = List.copyOf(roles.stream().sorted().distinct().toList());
        if (roles.size() > Role.MAX_PER_USER) {
            throw new TooManyRolesException();
        }
        if (rolesVersion < 0) {
            throw new IllegalArgumentException("the roles version is not negative");
        }
        Objects.requireNonNull(disabledAt, "disabledAt");
        Objects.requireNonNull(emailVerifiedAt, "emailVerifiedAt");
    }

    /** A user whose address is not verified (yet). */
    public User(UserId id, Email email, PasswordHash passwordHash, Instant createdAt, List<Role> roles,
                long rolesVersion, Optional<Instant> disabledAt) {
        this(id, email, passwordHash, createdAt, roles, rolesVersion, disabledAt, Optional.empty());
    }

    /** A user who has just registered: no roles, enabled, the address not verified yet. */
    public static User register(UserId id, Email email, PasswordHash passwordHash, Instant now) {
        return new User(id, email, passwordHash, now, List.of(), 0, Optional.empty(), Optional.empty());
    }

    public User withPasswordHash(PasswordHash newHash) {
        return new User(id, email, newHash, createdAt, roles, rolesVersion, disabledAt, emailVerifiedAt);
    }

    public boolean isDisabled() {
        return disabledAt.isPresent();
    }

    /** @return whether the user proved that the address is theirs */
    public boolean emailVerified() {
        return emailVerifiedAt.isPresent();
    }

    /** @return the role names, as an access token carries them */
    public List<String> roleNames() {
        return roles.stream().map(Role::name).toList();
    }
}

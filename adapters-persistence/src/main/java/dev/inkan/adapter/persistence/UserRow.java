package dev.inkan.adapter.persistence;

import dev.inkan.domain.Email;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.Role;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * One row of {@code users}, and the one place where it is mapped to and from a {@link User}, whose
 * roles come from {@code user_roles}.
 */
record UserRow(UUID id, String email, String passwordHash, Instant createdAt, long rolesVersion, Optional<Instant> disabledAt,
               Optional<Instant> emailVerifiedAt) {

    /** The columns a new user is inserted with, in the order {@link #bindTo} names them. */
    static final String COLUMNS = "id, email, password_hash, created_at, email_verified_at";
    /** The named parameters matching {@link #COLUMNS}. */
    static final String PARAMETERS = ":id, :email, :passwordHash, :createdAt, :emailVerifiedAt";
    /**
     * A user's row with each of their roles, one row per role (one with a null role for none), by
     * one statement: a READ COMMITTED transaction's statement sees one committed state, so the roles
     * always go with their version. Filtered by {@code %s}, a condition on {@code u}.
     */
    static final String SELECT_WITH_ROLES = """
            SELECT u.id, u.email, u.password_hash, u.created_at, u.roles_version, u.disabled_at, u.email_verified_at, r.role
            FROM users u LEFT JOIN user_roles r ON r.user_id = u.id
            WHERE %s
            ORDER BY u.email, r.role""";

    static UserRow from(User user) {
        return new UserRow(user.id().value(), user.email().value(), user.passwordHash().value(), user.createdAt(),
                user.rolesVersion(), user.disabledAt(), user.emailVerifiedAt());
    }

    /** Reads the user's columns of the current row of {@link #SELECT_WITH_ROLES}. */
    private static UserRow map(ResultSet rs) throws SQLException {
        return new UserRow(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
                Timestamps.read(rs, "created_at"), rs.getLong("roles_version"),
                Timestamps.readNullable(rs, "disabled_at"), Timestamps.readNullable(rs, "email_verified_at"));
    }

    /** Binds the {@link #PARAMETERS}. */
    <S extends SqlStatement<S>> S bindTo(S statement) {
        return statement.bind("id", id)
                .bind("email", email)
                .bind("passwordHash", passwordHash)
                .bind("createdAt", Timestamps.bind(createdAt))
                .bind("emailVerifiedAt", Timestamps.bind(emailVerifiedAt.orElse(null)));
    }

    /** @return the users of the rows of {@link #SELECT_WITH_ROLES}, each with its roles, in the rows' order */
    static List<User> read(ResultSet rs) throws SQLException {
        List<User> users = new ArrayList<>();
        UserRow current = null;
        List<Role> roles = new ArrayList<>();
        while (rs.next()) {
            UUID id = rs.getObject("id", UUID.class);
            if (current == null || !current.id().equals(id)) {
                if (current != null) {
                    users.add(current.toUser(roles));
                }
                current = map(rs);
                roles = new ArrayList<>();
            }
            String role = rs.getString("role");
            if (role != null) {
                roles.add(new Role(role));
            }
        }
        if (current != null) {
            users.add(current.toUser(roles));
        }
        return users;
    }

    private User toUser(List<Role> roles) {
        return new User(new UserId(id), new Email(email), new PasswordHash(passwordHash), createdAt, roles, rolesVersion,
                disabledAt, emailVerifiedAt);
    }
}

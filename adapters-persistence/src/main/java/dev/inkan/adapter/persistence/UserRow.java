package dev.inkan.adapter.persistence;

import dev.inkan.domain.Email;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** One row of {@code users}, and the one place where it is mapped to and from a {@link User}. */
record UserRow(UUID id, String email, String passwordHash, Instant createdAt) {

    /** The columns, in the order {@link #bindTo} names them. */
    static final String COLUMNS = "id, email, password_hash, created_at";
    /** The named parameters matching {@link #COLUMNS}. */
    static final String PARAMETERS = ":id, :email, :passwordHash, :createdAt";

    static UserRow from(User user) {
        return new UserRow(user.id().value(), user.email().value(), user.passwordHash().value(), user.createdAt());
    }

    /** Reads the {@link #COLUMNS} of the current row; usable as a JDBI row mapper. */
    static UserRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new UserRow(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
                Timestamps.read(rs, "created_at"));
    }

    /** Binds the {@link #PARAMETERS}. */
    <S extends SqlStatement<S>> S bindTo(S statement) {
        return statement.bind("id", id)
                .bind("email", email)
                .bind("passwordHash", passwordHash)
                .bind("createdAt", Timestamps.bind(createdAt));
    }

    User toUser() {
        return new User(new UserId(id), new Email(email), new PasswordHash(passwordHash), createdAt);
    }
}

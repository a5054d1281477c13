package dev.inkan.adapter.persistence;

import dev.inkan.domain.Email;
import dev.inkan.domain.OneTimeToken;
import dev.inkan.domain.OneTimeToken.Purpose;
import dev.inkan.domain.OneTimeTokenHash;
import dev.inkan.domain.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** One row of {@code one_time_tokens}, and the one place where it is mapped to and from a {@link OneTimeToken}. */
record OneTimeTokenRow(String tokenHash, UUID userId, String purpose, Optional<String> newEmail, Instant createdAt,
                       Instant expiresAt) {

    static final String COLUMNS = "token_hash, user_id, purpose, new_email, created_at, expires_at";
    static final String PARAMETERS = ":tokenHash, :userId, :purpose, :newEmail, :createdAt, :expiresAt";

    static OneTimeTokenRow from(OneTimeToken token) {
        return new OneTimeTokenRow(token.hash().hex(), token.userId().value(), token.purpose().storedName(),
                token.newEmail().map(Email::value), token.createdAt(), token.expiresAt());
    }

    static OneTimeTokenRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new OneTimeTokenRow(rs.getString("token_hash"), rs.getObject("user_id", UUID.class), rs.getString("purpose"),
                Optional.ofNullable(rs.getString("new_email")), Timestamps.read(rs, "created_at"),
                Timestamps.read(rs, "expires_at"));
    }

    <S extends SqlStatement<S>> S bindTo(S statement) {
        return statement.bind("tokenHash", tokenHash)
                .bind("userId", userId)
                .bind("purpose", purpose)
                .bind("newEmail", newEmail.orElse(null))
                .bind("createdAt", Timestamps.bind(createdAt))
                .bind("expiresAt", Timestamps.bind(expiresAt));
    }

    OneTimeToken toToken() {
        return new OneTimeToken(new OneTimeTokenHash(tokenHash), new UserId(userId), Purpose.ofStoredName(purpose),
                newEmail.map(Email::new), createdAt, expiresAt);
    }
}

package dev.inkan.adapter.persistence;

import dev.inkan.domain.Session;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** One row of {@code sessions}, and the one place where it is mapped to and from a {@link Session}. */
record SessionRow(UUID id, UUID userId, Instant createdAt, Instant lastUsedAt, String userAgent) {

    /** The columns, in the order {@link #bindTo} names them. */
    static final String COLUMNS = "id, user_id, created_at, last_used_at, user_agent";
    /** The named parameters matching {@link #COLUMNS}. */
    static final String PARAMETERS = ":id, :userId, :createdAt, :lastUsedAt, :userAgent";

    static SessionRow from(Session session) {
        return new SessionRow(session.id().value(), session.userId().value(), session.createdAt(), session.lastUsedAt(),
                session.userAgent().orElse(null));
    }

    /** Reads the {@link #COLUMNS} of the current row; usable as a JDBI row mapper. */
    static SessionRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SessionRow(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                Timestamps.read(rs, "created_at"), Timestamps.read(rs, "last_used_at"), rs.getString("user_agent"));
    }

    /** Binds the {@link #PARAMETERS}. */
    <S extends SqlStatement<S>> S bindTo(S statement) {
        return statement.bind("id", id)
                .bind("userId", userId)
                .bind("createdAt", Timestamps.bind(createdAt))
                .bind("lastUsedAt", Timestamps.bind(lastUsedAt))
                .bind("userAgent", userAgent);
    }

    Session toSession() {
        return new Session(new SessionId(id), new UserId(userId), createdAt, lastUsedAt, Optional.ofNullable(userAgent));
    }
}

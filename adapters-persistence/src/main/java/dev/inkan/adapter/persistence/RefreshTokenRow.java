package dev.inkan.adapter.persistence;

import dev.inkan.domain.RefreshTokenHash;
import dev.inkan.domain.RefreshTokenRecord;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * One row of {@code refresh_tokens} with the start of its session (from {@code sessions}), and the
 * one place where it is mapped to and from a {@link RefreshTokenRecord}.
 */
record RefreshTokenRow(UUID id, UUID userId, UUID familyId, Instant sessionStartedAt, String tokenHash, Instant issuedAt,
                       Instant expiresAt, Instant usedAt, Instant revokedAt, String revokeReason) {

    /** The columns of {@code refresh_tokens}, in the order {@link #bindTo} names them. */
    static final String COLUMNS =
            "id, user_id, family_id, token_hash, issued_at, expires_at, used_at, revoked_at, revoke_reason";
    /** The named parameters matching {@link #COLUMNS}. */
    static final String PARAMETERS =
            ":id, :userId, :familyId, :tokenHash, :issuedAt, :expiresAt, :usedAt, :revokedAt, :revokeReason";
    /** What {@link #map} reads: the token's columns as {@code t}, and its session's start as {@code s}. */
    static final String SELECT = "SELECT t." + COLUMNS.replace(", ", ", t.") + ", s.created_at AS session_started_at"
            + " FROM refresh_tokens t JOIN sessions s ON s.id = t.family_id";

    static RefreshTokenRow from(RefreshTokenRecord token) {
        return new RefreshTokenRow(token.id(), token.userId().value(), token.familyId().value(), token.sessionStartedAt(),
                token.tokenHash().hex(), token.issuedAt(), token.expiresAt(), token.usedAt().orElse(null),
                token.revokedAt().orElse(null), token.revokeReason().map(RevokeReason::name).orElse(null));
    }

    /** Reads a row of {@link #SELECT}; usable as a JDBI row mapper. */
    static RefreshTokenRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new RefreshTokenRow(
                rs.getObject("id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getObject("family_id", UUID.class),
                Timestamps.read(rs, "session_started_at"),
                rs.getString("token_hash"),
                Timestamps.read(rs, "issued_at"),
                Timestamps.read(rs, "expires_at"),
                Timestamps.readNullable(rs, "used_at").orElse(null),
                Timestamps.readNullable(rs, "revoked_at").orElse(null),
                rs.getString("revoke_reason"));
    }

    /** Binds the {@link #PARAMETERS}. */
    <S extends SqlStatement<S>> S bindTo(S statement) {
        return statement.bind("id", id)
                .bind("userId", userId)
                .bind("familyId", familyId)
                .bind("tokenHash", tokenHash)
                .bind("issuedAt", Timestamps.bind(issuedAt))
                .bind("expiresAt", Timestamps.bind(expiresAt))
                .bind("usedAt", Timestamps.bind(usedAt))
                .bind("revokedAt", Timestamps.bind(revokedAt))
                .bind("revokeReason", revokeReason);
    }

    RefreshTokenRecord toRecord() {
        return new RefreshTokenRecord(id, new UserId(userId), new SessionId(familyId), sessionStartedAt,
                new RefreshTokenHash(tokenHash), issuedAt, expiresAt, Optional.ofNullable(usedAt),
                Optional.ofNullable(revokedAt), Optional.ofNullable(revokeReason).map(RevokeReason::valueOf));
    }
}

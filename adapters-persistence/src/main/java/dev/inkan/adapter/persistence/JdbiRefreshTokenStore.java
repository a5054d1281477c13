package dev.inkan.adapter.persistence;

import dev.inkan.application.port.out.RefreshTokenStore;
import dev.inkan.domain.RefreshTokenHash;
import dev.inkan.domain.RefreshTokenRecord;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Driven adapter: the {@link RefreshTokenStore} on a JDBI database, table {@code refresh_tokens}.
 * Rotation is one conditional {@code UPDATE} and one {@code INSERT} in one transaction, so the
 * database's row lock decides concurrent rotations, also between instances sharing PostgreSQL.
 */
public final class JdbiRefreshTokenStore implements RefreshTokenStore {

    private static final String INSERT =
            "INSERT INTO refresh_tokens (" + RefreshTokenRow.COLUMNS + ") VALUES (" + RefreshTokenRow.PARAMETERS + ")";

    private final JdbiStoreCalls calls;

    /** A store on {@code jdbi}, whose schema {@link JdbiDatabase} has migrated. */
    public JdbiRefreshTokenStore(Jdbi jdbi) {
        this.calls = new JdbiStoreCalls(Objects.requireNonNull(jdbi, "jdbi"), "refresh token store unavailable");
    }

    @Override
    public void add(RefreshTokenRecord token) {
        RefreshTokenRow row = RefreshTokenRow.from(token);
        calls.useTransaction(handle -> insert(handle, row));
    }

    @Override
    public Optional<RefreshTokenRecord> findByHash(RefreshTokenHash hash) {
        return calls.withHandle(handle -> handle.createQuery(
                        "SELECT " + RefreshTokenRow.COLUMNS + " FROM refresh_tokens WHERE token_hash = :hash")
                .bind("hash", hash.hex())
                .map(RefreshTokenRow::map)
                .findOne()
                .map(RefreshTokenRow::toRecord));
    }

    /**
     * The {@code UPDATE} takes the presented token's row lock; a concurrent rotation waits for it and
     * then finds the token used, so it changes no row and stores no successor.
     */
    @Override
    public boolean rotate(RefreshTokenHash presented, RefreshTokenRecord successor, Instant now) {
        RefreshTokenRow next = RefreshTokenRow.from(successor);
        return calls.inTransaction(handle -> {
            int spent = handle.createUpdate("""
                            UPDATE refresh_tokens SET used_at = :now
                            WHERE token_hash = :hash AND used_at IS NULL AND revoked_at IS NULL""")
                    .bind("now", Timestamps.bind(now))
                    .bind("hash", presented.hex())
                    .execute();
            if (spent != 1) {
                return false;
            }
            insert(handle, next);
            return true;
        });
    }

    @Override
    public boolean revokeFamily(SessionId family, Instant now, RevokeReason reason) {
        return calls.inTransaction(handle -> handle.createUpdate("""
                        UPDATE refresh_tokens SET revoked_at = :now, revoke_reason = :reason
                        WHERE family_id = :family AND revoked_at IS NULL""")
                .bind("now", Timestamps.bind(now))
                .bind("reason", reason.name())
                .bind("family", family.value())
                .execute() > 0);
    }

    /**
     * Revokes, then reads back the families of exactly the rows this call revoked (they carry its
     * {@code now} and {@code reason}), in one transaction. Reading first would miss a family whose
     * first token commits between the two statements: a login racing this logout would be revoked
     * but not reported, so its access tokens would live on.
     */
    @Override
    public List<SessionId> revokeAllOfUser(UserId user, Instant now, RevokeReason reason) {
        return calls.inTransaction(handle -> {
            handle.createUpdate("""
                            UPDATE refresh_tokens SET revoked_at = :now, revoke_reason = :reason
                            WHERE user_id = :user AND revoked_at IS NULL""")
                    .bind("now", Timestamps.bind(now))
                    .bind("reason", reason.name())
                    .bind("user", user.value())
                    .execute();
            return handle.createQuery("""
                            SELECT DISTINCT family_id FROM refresh_tokens
                            WHERE user_id = :user AND revoked_at = :now AND revoke_reason = :reason""")
                    .bind("user", user.value())
                    .bind("now", Timestamps.bind(now))
                    .bind("reason", reason.name())
                    .map((rs, ctx) -> new SessionId(rs.getObject("family_id", UUID.class)))
                    .list();
        });
    }

    /**
     * Deletes refresh tokens and denylisted access tokens that expired before {@code now}: neither
     * can be accepted any more. Housekeeping for a scheduled job, not part of the port. A revoked
     * session is reported by {@link JdbiRevocationFeed#current} only while its rows exist, so a job
     * that must keep every revocation of the last access-token lifetime passes {@code now} minus it.
     *
     * @return how many rows of each kind were deleted
     */
    public PurgedRows purgeExpired(Instant now) {
        return calls.inTransaction(handle -> new PurgedRows(
                handle.createUpdate("DELETE FROM refresh_tokens WHERE expires_at < :now")
                        .bind("now", Timestamps.bind(now))
                        .execute(),
                handle.createUpdate("DELETE FROM revoked_access_tokens WHERE expires_at < :now")
                        .bind("now", Timestamps.bind(now))
                        .execute()));
    }

    private static void insert(Handle handle, RefreshTokenRow row) {
        row.bindTo(handle.createUpdate(INSERT)).execute();
    }
}

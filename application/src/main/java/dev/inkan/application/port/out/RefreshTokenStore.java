package dev.inkan.application.port.out;

import dev.inkan.domain.RefreshTokenHash;
import dev.inkan.domain.RefreshTokenRecord;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Driven port: where refresh tokens are kept, as hashes only. Every method may throw {@link StoreUnavailableException}. */
public interface RefreshTokenStore {

    /** Stores a newly issued refresh token. */
    void add(RefreshTokenRecord token);

    /** @return the stored token with this hash, in whatever state it is */
    Optional<RefreshTokenRecord> findByHash(RefreshTokenHash hash);

    /**
     * Atomically spends {@code presented} and stores {@code successor}: the presented token is marked
     * used only if it is still unused and unrevoked, and the successor is stored only if that
     * happened. Of any number of concurrent calls for one token, at most one returns {@code true}.
     *
     * @return whether this call did the rotation
     */
    boolean rotate(RefreshTokenHash presented, RefreshTokenRecord successor, Instant now);

    /**
     * Revokes every not yet revoked token of one family.
     *
     * @return whether any token was revoked by this call
     */
    boolean revokeFamily(SessionId family, Instant now, RevokeReason reason);

    /**
     * Revokes every not yet revoked token of one user.
     *
     * @return the families that had live tokens
     */
    List<SessionId> revokeAllOfUser(UserId user, Instant now, RevokeReason reason);
}

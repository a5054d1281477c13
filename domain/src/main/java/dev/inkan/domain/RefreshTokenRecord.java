package dev.inkan.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Entity: one refresh token as stored (its hash, never the token), the family (session) it belongs
 * to and when that session started, and its life: issued, used once by a rotation, or revoked.
 */
public record RefreshTokenRecord(
        UUID id,
        UserId userId,
        SessionId familyId,
        Instant sessionStartedAt,
        RefreshTokenHash tokenHash,
        Instant issuedAt,
        Instant expiresAt,
        Optional<Instant> usedAt,
        Optional<Instant> revokedAt,
        Optional<RevokeReason> revokeReason) {

    /** Where a stored refresh token stands at one instant. */
    public enum Status { ACTIVE, USED, REVOKED, EXPIRED }

    public RefreshTokenRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(sessionStartedAt, "sessionStartedAt");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(usedAt, "usedAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(revokeReason, "revokeReason");
    }

    /** A token just issued into {@code family} (a session that started at {@code sessionStartedAt}), good until {@code expiresAt}. */
    public static RefreshTokenRecord issue(UUID id, UserId userId, SessionId family, Instant sessionStartedAt,
                                           RefreshTokenHash hash, Instant now, Instant expiresAt) {
        return new RefreshTokenRecord(id, userId, family, sessionStartedAt, hash, now, expiresAt,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Revocation outranks use, and use outranks expiry: a used token presented again is reuse even
     * after it would have expired, so the family still ends.
     */
    public Status statusAt(Instant now) {
        if (revokedAt.isPresent()) {
            return Status.REVOKED;
        }
        if (usedAt.isPresent()) {
            return Status.USED;
        }
        if (!now.isBefore(expiresAt)) {
            return Status.EXPIRED;
        }
        return Status.ACTIVE;
    }
}

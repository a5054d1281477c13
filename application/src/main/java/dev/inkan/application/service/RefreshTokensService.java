package dev.inkan.application.service;

import dev.inkan.application.port.in.IssuedTokens;
import dev.inkan.application.port.in.RefreshCommand;
import dev.inkan.application.port.in.RefreshTokensUseCase;
import dev.inkan.application.port.out.RefreshTokenStore;
import dev.inkan.application.port.out.Revocation.SessionRevoked;
import dev.inkan.application.port.out.RevocationFeed;
import dev.inkan.application.port.out.TokenHasher;
import dev.inkan.domain.InvalidRefreshTokenException;
import dev.inkan.domain.InvalidRefreshTokenException.Reason;
import dev.inkan.domain.RefreshTokenRecord;
import dev.inkan.domain.RefreshTokenReusedException;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.TokenPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Rotates refresh tokens. A token works once; a spent token presented again means it was copied,
 * so its whole session ends, access tokens included.
 */
public final class RefreshTokensService implements RefreshTokensUseCase {

    private final RefreshTokenStore refreshTokens;
    private final TokenHasher hasher;
    private final TokenIssuer issuer;
    private final RevocationFeed revocations;
    private final TokenPolicy policy;
    private final Clock clock;

    public RefreshTokensService(RefreshTokenStore refreshTokens, TokenHasher hasher, TokenIssuer issuer,
                                RevocationFeed revocations, TokenPolicy policy, Clock clock) {
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public IssuedTokens refresh(RefreshCommand command) {
        RefreshTokenRecord presented = refreshTokens.findByHash(hasher.hash(command.refreshToken()))
                .orElseThrow(() -> new InvalidRefreshTokenException(Reason.UNKNOWN));
        switch (presented.statusAt(clock.instant())) {
            case REVOKED:
                throw new InvalidRefreshTokenException(Reason.REVOKED);
            case USED:
                throw endSessionForReuse(presented);
            case EXPIRED:
                throw new InvalidRefreshTokenException(Reason.EXPIRED);
            case ACTIVE:
            default:
                // A concurrent request that spent the token first makes this one a reuse too.
                return issuer.rotate(presented).orElseThrow(() -> endSessionForReuse(presented));
        }
    }

    private RefreshTokenReusedException endSessionForReuse(RefreshTokenRecord presented) {
        Instant now = clock.instant();
        refreshTokens.revokeFamily(presented.familyId(), now, RevokeReason.REUSE_DETECTED);
        revocations.publish(new SessionRevoked(presented.familyId(), now.plus(policy.accessTtl())));
        return new RefreshTokenReusedException(presented.familyId());
    }
}

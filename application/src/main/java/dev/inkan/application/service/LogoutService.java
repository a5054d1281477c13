package dev.inkan.application.service;

import dev.inkan.application.port.in.LogoutUseCase;
import dev.inkan.application.port.out.RefreshTokenStore;
import dev.inkan.application.port.out.Revocation.SessionRevoked;
import dev.inkan.application.port.out.Revocation.TokenRevoked;
import dev.inkan.application.port.out.RevocationFeed;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.TokenPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Logs out one session: its refresh tokens are revoked, and the access token is denylisted until it expires. */
public final class LogoutService implements LogoutUseCase {

    private final RefreshTokenStore refreshTokens;
    private final RevocationFeed revocations;
    private final TokenPolicy policy;
    private final Clock clock;

    public LogoutService(RefreshTokenStore refreshTokens, RevocationFeed revocations, TokenPolicy policy, Clock clock) {
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void logout(AccessTokenClaims claims) {
        Instant now = clock.instant();
        refreshTokens.revokeFamily(claims.sessionId(), now, RevokeReason.LOGOUT);
        revocations.publish(new TokenRevoked(claims.tokenId(), claims.expiresAt()));
        // Other access tokens of the same session (from earlier refreshes) end with it.
        revocations.publish(new SessionRevoked(claims.sessionId(), now.plus(policy.accessTtl())));
    }
}

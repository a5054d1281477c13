package dev.inkan.application.service;

import dev.inkan.application.port.in.LogoutUseCase;
import dev.inkan.application.port.out.RevocationFeed;
import dev.inkan.application.port.out.SessionStore;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.Revocation.TokenRevoked;
import dev.inkan.domain.RevokeReason;
import java.time.Clock;
import java.util.Objects;

/** Logs out one session: it ends with its refresh and access tokens, and the access token is denylisted until it expires. */
public final class LogoutService implements LogoutUseCase {

    private final SessionStore sessions;
    private final RevocationFeed revocations;
    private final Clock clock;

    public LogoutService(SessionStore sessions, RevocationFeed revocations, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void logout(AccessTokenClaims claims) {
        sessions.end(claims.sessionId(), clock.instant(), RevokeReason.LOGOUT);
        revocations.publish(new TokenRevoked(claims.tokenId(), claims.expiresAt()));
    }
}

package dev.inkan.application.service;

import dev.inkan.application.port.in.LogoutUseCase;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.port.out.RevocationFeed;
import dev.inkan.application.port.out.SessionStore;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.Revocation.TokenRevoked;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventType;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Logs out one session: it ends with its refresh and access tokens (a {@code logout} event in the
 * security log), and the access token is denylisted until it expires.
 */
public final class LogoutService implements LogoutUseCase {

    private final SessionStore sessions;
    private final RevocationFeed revocations;
    private final RandomSource random;
    private final Clock clock;

    public LogoutService(SessionStore sessions, RevocationFeed revocations, RandomSource random, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void logout(AccessTokenClaims claims, RequestOrigin origin) {
        Instant now = clock.instant();
        SecurityEvent event = SecurityEvent.of(random.uuid(), now, SecurityEventType.LOGOUT, claims.subject(), origin)
                .withSession(claims.sessionId());
        sessions.end(claims.sessionId(), now, RevokeReason.LOGOUT, event);
        revocations.publish(new TokenRevoked(claims.tokenId(), claims.expiresAt()));
    }
}

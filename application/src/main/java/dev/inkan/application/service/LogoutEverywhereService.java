package dev.inkan.application.service;

import dev.inkan.application.port.in.LogoutEverywhereUseCase;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.port.out.SessionStore;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventType;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Logs a user out of every session: all refresh tokens revoked, every access token issued so far
 * refused, and a {@code logout_all} event (naming the session it was asked from) in the security log.
 */
public final class LogoutEverywhereService implements LogoutEverywhereUseCase {

    private final SessionStore sessions;
    private final RandomSource random;
    private final Clock clock;

    public LogoutEverywhereService(SessionStore sessions, RandomSource random, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void logoutEverywhere(AccessTokenClaims claims, RequestOrigin origin) {
        Instant now = clock.instant();
        SecurityEvent event = SecurityEvent.of(random.uuid(), now, SecurityEventType.LOGOUT_ALL, claims.subject(), origin)
                .withSession(claims.sessionId());
        sessions.endAllOfUser(claims.subject(), now, RevokeReason.LOGOUT_EVERYWHERE, event);
    }
}

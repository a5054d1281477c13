package dev.inkan.application.service;

import dev.inkan.application.port.in.EndSessionUseCase;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.port.out.SessionStore;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.SessionNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Ends one session of the caller's: its refresh tokens revoked, its access tokens refused on every
 * instance, and a {@code session_ended} event naming it in the security log (none when it had ended already).
 */
public final class EndSessionService implements EndSessionUseCase {

    private final SessionStore sessions;
    private final RandomSource random;
    private final Clock clock;

    public EndSessionService(SessionStore sessions, RandomSource random, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void endSession(AccessTokenClaims caller, SessionId session, RequestOrigin origin) {
        sessions.find(session)
                .filter(found -> found.userId().equals(caller.subject()))
                .orElseThrow(SessionNotFoundException::new);
        Instant now = clock.instant();
        SecurityEvent event = SecurityEvent.of(random.uuid(), now, SecurityEventType.SESSION_ENDED, caller.subject(), origin)
                .withSession(session);
        sessions.end(session, now, RevokeReason.SESSION_ENDED, event);
    }
}

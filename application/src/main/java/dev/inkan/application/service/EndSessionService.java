package dev.inkan.application.service;

import dev.inkan.application.port.in.EndSessionUseCase;
import dev.inkan.application.port.out.SessionStore;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.SessionNotFoundException;
import java.time.Clock;
import java.util.Objects;

/** Ends one session of the caller's: its refresh tokens revoked, its access tokens refused on every instance. */
public final class EndSessionService implements EndSessionUseCase {

    private final SessionStore sessions;
    private final Clock clock;

    public EndSessionService(SessionStore sessions, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void endSession(AccessTokenClaims caller, SessionId session) {
        sessions.find(session)
                .filter(found -> found.userId().equals(caller.subject()))
                .orElseThrow(SessionNotFoundException::new);
        sessions.end(session, clock.instant(), RevokeReason.SESSION_ENDED);
    }
}

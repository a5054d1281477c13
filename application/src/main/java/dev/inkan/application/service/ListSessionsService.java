package dev.inkan.application.service;

import dev.inkan.application.port.in.ListSessionsUseCase;
import dev.inkan.application.port.in.SessionSummary;
import dev.inkan.application.port.out.SessionStore;
import dev.inkan.domain.AccessTokenClaims;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** Lists a user's live sessions, marking the one the request came from. */
public final class ListSessionsService implements ListSessionsUseCase {

    private final SessionStore sessions;
    private final Clock clock;

    public ListSessionsService(SessionStore sessions, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<SessionSummary> sessionsOf(AccessTokenClaims caller) {
        return sessions.liveSessionsOf(caller.subject(), clock.instant()).stream()
                .map(session -> new SessionSummary(session, session.id().equals(caller.sessionId())))
                .toList();
    }
}

package dev.inkan.application.service;

import dev.inkan.application.port.in.LogoutEverywhereUseCase;
import dev.inkan.application.port.out.SessionStore;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.RevokeReason;
import java.time.Clock;
import java.util.Objects;

/** Logs a user out of every session: all refresh tokens revoked, every access token issued so far refused. */
public final class LogoutEverywhereService implements LogoutEverywhereUseCase {

    private final SessionStore sessions;
    private final Clock clock;

    public LogoutEverywhereService(SessionStore sessions, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void logoutEverywhere(AccessTokenClaims claims) {
        sessions.endAllOfUser(claims.subject(), clock.instant(), RevokeReason.LOGOUT_EVERYWHERE);
    }
}

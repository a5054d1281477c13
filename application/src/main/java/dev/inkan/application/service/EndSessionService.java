package dev.inkan.application.service;

import dev.inkan.application.port.in.EndSessionUseCase;
import dev.inkan.application.port.out.RefreshTokenStore;
import dev.inkan.application.port.out.Revocation.SessionRevoked;
import dev.inkan.application.port.out.RevocationFeed;
import dev.inkan.application.port.out.SessionStore;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.SessionNotFoundException;
import dev.inkan.domain.TokenPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Ends one session of the caller's: its refresh tokens revoked, its access tokens refused on every instance. */
public final class EndSessionService implements EndSessionUseCase {

    private final SessionStore sessions;
    private final RefreshTokenStore refreshTokens;
    private final RevocationFeed revocations;
    private final TokenPolicy policy;
    private final Clock clock;

    public EndSessionService(SessionStore sessions, RefreshTokenStore refreshTokens, RevocationFeed revocations,
                             TokenPolicy policy, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void endSession(AccessTokenClaims caller, SessionId session) {
        sessions.find(session)
                .filter(found -> found.userId().equals(caller.subject()))
                .orElseThrow(SessionNotFoundException::new);
        Instant now = clock.instant();
        refreshTokens.revokeFamily(session, now, RevokeReason.SESSION_ENDED);
        revocations.publish(new SessionRevoked(session, now.plus(policy.accessTtl())));
    }
}

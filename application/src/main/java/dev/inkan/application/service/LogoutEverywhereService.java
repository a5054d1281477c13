package dev.inkan.application.service;

import dev.inkan.application.port.in.LogoutEverywhereUseCase;
import dev.inkan.application.port.out.RefreshTokenStore;
import dev.inkan.application.port.out.Revocation.SessionRevoked;
import dev.inkan.application.port.out.Revocation.UserTokensRevoked;
import dev.inkan.application.port.out.RevocationFeed;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.TokenPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Logs a user out of every session: all refresh tokens revoked, every access token issued so far refused. */
public final class LogoutEverywhereService implements LogoutEverywhereUseCase {

    private final UserRepository users;
    private final RefreshTokenStore refreshTokens;
    private final RevocationFeed revocations;
    private final TokenPolicy policy;
    private final Clock clock;

    public LogoutEverywhereService(UserRepository users, RefreshTokenStore refreshTokens, RevocationFeed revocations,
                                   TokenPolicy policy, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void logoutEverywhere(AccessTokenClaims claims) {
        Instant now = clock.instant();
        Instant relevantUntil = now.plus(policy.accessTtl());
        users.updateTokensValidAfter(claims.subject(), now);
        revocations.publish(new UserTokensRevoked(claims.subject(), now, relevantUntil));
        for (SessionId session : refreshTokens.revokeAllOfUser(claims.subject(), now, RevokeReason.LOGOUT_EVERYWHERE)) {
            revocations.publish(new SessionRevoked(session, relevantUntil));
        }
        revocations.publish(new SessionRevoked(claims.sessionId(), relevantUntil));
    }
}

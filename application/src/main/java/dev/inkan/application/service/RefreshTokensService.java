package dev.inkan.application.service;

import dev.inkan.application.port.in.IssuedTokens;
import dev.inkan.application.port.in.RefreshCommand;
import dev.inkan.application.port.in.RefreshTokensUseCase;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.port.out.SessionStore;
import dev.inkan.application.port.out.TokenHasher;
import dev.inkan.application.tokens.TokenIssuer;
import dev.inkan.domain.InvalidRefreshTokenException.Reason;
import dev.inkan.domain.InvalidRefreshTokenException;
import dev.inkan.domain.RefreshTokenHash;
import dev.inkan.domain.RefreshTokenRecord.Status;
import dev.inkan.domain.RefreshTokenRecord;
import dev.inkan.domain.RefreshTokenReusedException;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.TokenPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Rotates refresh tokens. A token works once; a spent token presented again means it was copied,
 * so its whole session ends, access tokens included. One exception keeps honest users logged in:
 * within the grace window after a rotation, the same token presented again (a second browser tab
 * refreshing at the same moment) gets the same successor instead. However often it refreshes, a
 * session ends at its absolute lifetime. A session ended for reuse is a
 * {@code refresh_reuse_detected} event in the security log, with where the copy was presented from.
 */
public final class RefreshTokensService implements RefreshTokensUseCase {

    /** The grace window when nothing else is configured. */
    public static final Duration DEFAULT_REUSE_GRACE = Duration.ofSeconds(10);

    private final SessionStore sessions;
    private final TokenHasher hasher;
    private final TokenIssuer issuer;
    private final TokenPolicy policy;
    private final Duration reuseGrace;
    private final RandomSource random;
    private final Clock clock;

    /** @param reuseGrace how long after a rotation a retry gets the same successor; zero turns this off */
    public RefreshTokensService(SessionStore sessions, TokenHasher hasher, TokenIssuer issuer, TokenPolicy policy,
                                Duration reuseGrace, RandomSource random, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.reuseGrace = Objects.requireNonNull(reuseGrace, "reuseGrace");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (reuseGrace.isNegative()) {
            throw new IllegalArgumentException("the reuse grace window must not be negative");
        }
    }

    @Override
    public IssuedTokens refresh(RefreshCommand command) {
        String token = command.refreshToken();
        RefreshTokenHash hash = hasher.hash(token);
        RefreshTokenRecord presented = find(hash);
        if (command.session().isPresent() && !command.session().get().equals(presented.familyId())) {
            // Bound to another session (a refresh cookie planted beside the caller's own): nothing happens to it.
            throw new InvalidRefreshTokenException(Reason.OTHER_SESSION);
        }
        Status status = statusAt(presented);
        if (status == Status.ACTIVE) {
            Optional<IssuedTokens> rotated = issuer.rotate(presented, token);
            if (rotated.isPresent()) {
                return rotated.get();
            }
            presented = find(hash); // a concurrent request spent it a moment ago, or the session ended
            status = statusAt(presented);
        }
        switch (status) {
            case REVOKED:
                throw new InvalidRefreshTokenException(Reason.REVOKED);
            case EXPIRED:
                throw new InvalidRefreshTokenException(Reason.EXPIRED);
            default:
                return spentTokenPresented(presented, token, command.origin());
        }
    }

    /**
     * A spent token: within the grace window a retry (a second tab) gets the same successor, as
     * long as the successor is live; a spent successor means the token was copied, and so does any
     * use after the window: the session ends. A successor this server cannot find (the secret it
     * was derived under has changed) is refused without ending anything.
     */
    private IssuedTokens spentTokenPresented(RefreshTokenRecord spent, String token, RequestOrigin origin) {
        boolean withinGrace = spent.usedAt().map(usedAt -> clock.instant().isBefore(usedAt.plus(reuseGrace))).orElse(false);
        if (!withinGrace) {
            throw endSessionForReuse(spent, origin);
        }
        TokenIssuer.Retry retry = issuer.retry(spent, token);
        if (retry instanceof TokenIssuer.Retry.Reissued reissued) {
            return reissued.tokens();
        }
        if (retry instanceof TokenIssuer.Retry.SuccessorUnknown) {
            throw new InvalidRefreshTokenException(Reason.SPENT);
        }
        throw endSessionForReuse(spent, origin);
    }

    /** The token's own status, where a session past its absolute lifetime makes an unspent token expired. */
    private Status statusAt(RefreshTokenRecord token) {
        Instant now = clock.instant();
        Status status = token.statusAt(now);
        boolean sessionOver = !now.isBefore(policy.sessionEndsAt(token.sessionStartedAt()));
        return status == Status.ACTIVE && sessionOver ? Status.EXPIRED : status;
    }

    private RefreshTokenRecord find(RefreshTokenHash hash) {
        return sessions.findToken(hash).orElseThrow(() -> new InvalidRefreshTokenException(Reason.UNKNOWN));
    }

    private RefreshTokenReusedException endSessionForReuse(RefreshTokenRecord presented, RequestOrigin origin) {
        Instant now = clock.instant();
        SecurityEvent event = SecurityEvent.of(random.uuid(), now, SecurityEventType.REFRESH_REUSE_DETECTED, presented.userId(),
                origin).withSession(presented.familyId());
        sessions.end(presented.familyId(), now, RevokeReason.REUSE_DETECTED, event);
        return new RefreshTokenReusedException(presented.familyId());
    }
}

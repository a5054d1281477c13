package dev.inkan.domain;

import dev.inkan.domain.Revocation.RolesRevoked;
import dev.inkan.domain.Revocation.SessionRevoked;
import dev.inkan.domain.Revocation.TokenRevoked;
import dev.inkan.domain.Revocation.UserDeleted;
import dev.inkan.domain.Revocation.UserTokensRevoked;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The revocations one instance knows of, in memory, so that verifying an access token needs no
 * database: what a revocation feed delivers, each forgotten once every token it could refuse has
 * expired. Safe for many threads: its maps are concurrent, and a purge only drops what is stale.
 */
public final class RevocationRegistry implements Consumer<Revocation> {

    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(1);

    private final Map<String, Instant> revokedTokens = new ConcurrentHashMap<>();
    private final Map<SessionId, Instant> revokedSessions = new ConcurrentHashMap<>();
    private final Map<UserId, UserTokensRevoked> revokedUsers = new ConcurrentHashMap<>();
    private final Map<UserId, RolesRevoked> revokedRoles = new ConcurrentHashMap<>();
    private final Map<UserId, Instant> deletedUsers = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration leeway;
    private volatile Instant nextPurge;

    /** An empty registry; {@code leeway} keeps each entry as long as the verifier could still accept its tokens. */
    public RevocationRegistry(Clock clock, Duration leeway) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.leeway = Objects.requireNonNull(leeway, "leeway");
        this.nextPurge = clock.instant().plus(PURGE_INTERVAL);
    }

    @Override
    public void accept(Revocation revocation) {
        Instant keepUntil = revocation.relevantUntil().plus(leeway);
        if (revocation instanceof TokenRevoked token) {
            revokedTokens.merge(token.tokenId(), keepUntil, RevocationRegistry::later);
        } else if (revocation instanceof SessionRevoked session) {
            revokedSessions.merge(session.sessionId(), keepUntil, RevocationRegistry::later);
        } else if (revocation instanceof UserTokensRevoked user) {
            revokedUsers.merge(user.userId(), user,
                    (a, b) -> a.validAfter().isAfter(b.validAfter()) ? a : b);
        } else if (revocation instanceof RolesRevoked roles) {
            // The higher version refuses more; it is kept as long as either would have been.
            revokedRoles.merge(roles.userId(), roles, (a, b) ->
                    new RolesRevoked(a.userId(), Math.max(a.rolesVersion(), b.rolesVersion()), later(a.until(), b.until())));
        } else if (revocation instanceof UserDeleted deleted) {
            deletedUsers.merge(deleted.userId(), keepUntil, RevocationRegistry::later);
        }
        purgeIfDue();
    }

    /** @return whether a revocation refuses the token with these (already verified) claims */
    public boolean isRevoked(AccessTokenClaims claims) {
        if (revokedTokens.containsKey(claims.tokenId()) || revokedSessions.containsKey(claims.sessionId())) {
            return true;
        }
        if (deletedUsers.containsKey(claims.subject())) {
            return true;
        }
        RolesRevoked roles = revokedRoles.get(claims.subject());
        if (roles != null && claims.rolesVersion() < roles.rolesVersion()) {
            return true;
        }
        UserTokensRevoked user = revokedUsers.get(claims.subject());
        // iat has whole seconds: refuse the seconds wholly before the cut. Tokens of the cut's own
        // second from the sessions it ended are caught by their session revocations.
        return user != null && claims.issuedAt().isBefore(user.validAfter().truncatedTo(ChronoUnit.SECONDS));
    }

    private void purgeIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_INTERVAL);
        revokedTokens.values().removeIf(until -> until.isBefore(now));
        revokedSessions.values().removeIf(until -> until.isBefore(now));
        revokedUsers.values().removeIf(user -> user.until().plus(leeway).isBefore(now));
        revokedRoles.values().removeIf(roles -> roles.until().plus(leeway).isBefore(now));
        deletedUsers.values().removeIf(until -> until.isBefore(now));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

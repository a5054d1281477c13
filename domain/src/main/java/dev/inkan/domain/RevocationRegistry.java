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
import java.util.Optional;
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
    /** Everything that refuses a user's tokens, in one entry per user, so that a verify looks the user up once. */
    private final Map<UserId, UserCut> revokedUsers = new ConcurrentHashMap<>();
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
        } else {
            userCut(revocation, keepUntil).ifPresent(cut -> revokedUsers.merge(cut.userId(), cut, UserCut::and));
        }
        // A retired key (Revocation.KeyRetired) needs no entry: it has left the key ring, which refuses its tokens.
        purgeIfDue();
    }

    /**
     * @return whether {@code revocation} alone refuses the token with these (already verified) claims,
     *     as a registry that held it would: for a follower that checks one credential against each
     *     revocation it sees
     */
    public static boolean refuses(Revocation revocation, AccessTokenClaims claims) {
        if (revocation instanceof TokenRevoked token) {
            return token.tokenId().equals(claims.tokenId());
        }
        if (revocation instanceof SessionRevoked session) {
            return session.sessionId().equals(claims.sessionId());
        }
        return userCut(revocation, Instant.MAX).filter(cut -> cut.userId().equals(claims.subject()))
                .map(cut -> cut.refuses(claims)).orElse(false);
    }

    /** @return what a revocation of a user's tokens refuses; empty for any other revocation */
    private static Optional<UserCut> userCut(Revocation revocation, Instant keepUntil) {
        if (revocation instanceof UserTokensRevoked user) {
            return Optional.of(new UserCut(user.userId(), user.validAfter(), 0, false, keepUntil));
        }
        if (revocation instanceof RolesRevoked roles) {
            return Optional.of(new UserCut(roles.userId(), Instant.EPOCH, roles.rolesVersion(), false, keepUntil));
        }
        if (revocation instanceof UserDeleted deleted) {
            return Optional.of(new UserCut(deleted.userId(), Instant.EPOCH, 0, true, keepUntil));
        }
        return Optional.empty();
    }

    /** @return whether a revocation refuses the token with these (already verified) claims */
    public boolean isRevoked(AccessTokenClaims claims) {
        if (revokedTokens.containsKey(claims.tokenId()) || revokedSessions.containsKey(claims.sessionId())) {
            return true;
        }
        UserCut cut = revokedUsers.get(claims.subject());
        return cut != null && cut.refuses(claims);
    }

    private void purgeIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_INTERVAL);
        revokedTokens.values().removeIf(until -> until.isBefore(now));
        revokedSessions.values().removeIf(until -> until.isBefore(now));
        revokedUsers.values().removeIf(cut -> cut.keepUntil().isBefore(now));
    }

    /**
     * What refuses one user's tokens: those issued before {@code validAfter} (a logout everywhere),
     * those below {@code rolesVersion} (a role taken away), all of them ({@code deleted}). Each
     * revocation only ever refuses more, so two of them combine into the stricter of each part,
     * kept as long as the later one.
     */
    private record UserCut(UserId userId, Instant validAfter, long rolesVersion, boolean deleted, Instant keepUntil) {

        UserCut and(UserCut other) {
            return new UserCut(userId, later(validAfter, other.validAfter), Math.max(rolesVersion, other.rolesVersion),
                    deleted || other.deleted, later(keepUntil, other.keepUntil));
        }

        boolean refuses(AccessTokenClaims claims) {
            // iat has whole seconds: refuse the seconds wholly before the cut. Tokens of the cut's own
            // second from the sessions it ended are caught by their session revocations.
            return deleted || claims.rolesVersion() < rolesVersion
                    || claims.issuedAt().isBefore(validAfter.truncatedTo(ChronoUnit.SECONDS));
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

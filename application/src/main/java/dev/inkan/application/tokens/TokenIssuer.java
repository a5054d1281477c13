package dev.inkan.application.tokens;

import dev.inkan.application.port.in.IssuedTokens;
import dev.inkan.application.port.out.CustomClaims;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.port.out.SessionStore;
import dev.inkan.application.port.out.TokenHasher;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.AccountDisabledException;
import dev.inkan.domain.InvalidRefreshTokenException;
import dev.inkan.domain.RefreshTokenRecord;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.Session;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.TokenPolicy;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Issues the tokens of a session: a signed access token, and an opaque 256-bit refresh token of
 * which only the hash is stored. Shared by login (a new session) and refresh (the next tokens of one).
 */
public final class TokenIssuer {

    /** 256 bits, as DESIGN.md asks of refresh tokens. */
    static final int REFRESH_TOKEN_BYTES = 32;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final AccessTokens accessTokens;
    private final TokenPolicy policy;
    private final SessionStore sessions;
    private final TokenHasher hasher;
    private final SuccessorTokens successors;
    private final RandomSource random;
    private final UserRepository users;
    private final CustomClaims customClaims;
    private final Clock clock;

    /**
     * @param users where each token's roles come from, read as the token is issued
     * @param customClaims the embedder's claims of each token
     */
    public TokenIssuer(AccessTokens accessTokens, TokenPolicy policy, SessionStore sessions, TokenHasher hasher,
                       SuccessorTokens successors, RandomSource random, UserRepository users, CustomClaims customClaims,
                       Clock clock) {
        this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
        this.users = Objects.requireNonNull(users, "users");
        this.customClaims = Objects.requireNonNull(customClaims, "customClaims");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.successors = Objects.requireNonNull(successors, "successors");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Starts a new session (refresh token family) for {@code user} and returns its first tokens;
     * the session and its {@code login_succeeded} event are stored together.
     *
     * @param origin where the login came from; its user agent names the session
     * @throws AccountDisabledException when the account was disabled or deleted since it was read
     */
    public IssuedTokens startSession(User user, RequestOrigin origin) {
        Instant now = clock.instant();
        SessionId session = new SessionId(random.uuid());
        String refreshToken = BASE64URL.encodeToString(random.bytes(REFRESH_TOKEN_BYTES));
        RefreshTokenRecord first = newRecord(user.id(), session, now, refreshToken, now);
        IssuedTokens tokens = tokens(user, first, refreshToken, now); // signed first: a token that cannot be made stores nothing
        SecurityEvent loggedIn = SecurityEvent.of(random.uuid(), now, SecurityEventType.LOGIN_SUCCEEDED, user.id(), origin)
                .withSession(session);
        if (!sessions.start(Session.start(session, user.id(), now, origin.userAgent()), first, loggedIn)) {
            throw new AccountDisabledException();
        }
        return tokens;
    }

    /**
     * Spends {@code presented} and stores its successor, atomically.
     *
     * The user's roles are read before the rotation: a role taken away after the read raises the
     * roles version past the new token's, which refuses it.
     *
     * @param presentedToken the plain token whose hash {@code presented} holds
     * @return the next tokens, or empty when another request spent {@code presented} first
     * @throws InvalidRefreshTokenException when the user was deleted or disabled
     */
    public Optional<IssuedTokens> rotate(RefreshTokenRecord presented, String presentedToken) {
        User user = userOf(presented);
        Instant now = clock.instant();
        String successor = successors.successorOf(presentedToken);
        RefreshTokenRecord next = newRecord(presented.userId(), presented.familyId(), presented.sessionStartedAt(), successor,
                now);
        IssuedTokens tokens = tokens(user, next, successor, now); // signed first: a token that cannot be made spends nothing
        if (!sessions.rotate(presented.tokenHash(), next, now)) {
            return Optional.empty();
        }
        return Optional.of(tokens);
    }

    /**
     * For a retry of a rotation that already happened: the successor that rotation stored, if this
     * server knows it (same derivation, same session), with a fresh access token when it is still
     * unspent and unrevoked.
     *
     * @param presentedToken the plain token whose hash {@code presented} holds
     */
    public Retry retry(RefreshTokenRecord presented, String presentedToken) {
        User user = userOf(presented);
        Instant now = clock.instant();
        String successor = successors.successorOf(presentedToken);
        Optional<RefreshTokenRecord> stored = sessions.findToken(hasher.hash(successor))
                .filter(next -> next.familyId().equals(presented.familyId()));
        if (stored.isEmpty()) {
            return new Retry.SuccessorUnknown();
        }
        return stored.get().statusAt(now) == RefreshTokenRecord.Status.ACTIVE
                ? new Retry.Reissued(tokens(user, stored.get(), successor, now))
                : new Retry.SuccessorSpent();
    }

    /** What a retry within the grace window finds. */
    public sealed interface Retry {
        /** The successor is live: the session's tokens again, with it. */
        record Reissued(IssuedTokens tokens) implements Retry {
        }

        /** The successor was spent or revoked too: the presented token was copied. */
        record SuccessorSpent() implements Retry {
        }

        /** No successor of this token is stored (it was derived under another secret). */
        record SuccessorUnknown() implements Retry {
        }
    }

    private RefreshTokenRecord newRecord(UserId user, SessionId session, Instant sessionStartedAt, String token, Instant now) {
        return RefreshTokenRecord.issue(random.uuid(), user, session, sessionStartedAt, hasher.hash(token), now,
                policy.refreshExpiry(now, sessionStartedAt));
    }

    /** The user of a refresh token, who must still exist and be enabled (whatever store keeps their sessions). */
    private User userOf(RefreshTokenRecord presented) {
        return users.findById(presented.userId())
                .filter(user -> !user.isDisabled())
                .orElseThrow(() -> new InvalidRefreshTokenException(InvalidRefreshTokenException.Reason.REVOKED));
    }

    private IssuedTokens tokens(User user, RefreshTokenRecord refresh, String refreshToken, Instant now) {
        AccessTokenClaims claims = accessTokens.claimsFor(user, refresh.familyId(), random.uuid().toString(),
                customClaims.claimsFor(user), now);
        return new IssuedTokens(accessTokens.sign(claims), claims, refreshToken, Duration.between(now, refresh.expiresAt()));
    }
}

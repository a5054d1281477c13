package dev.inkan.verifier;

import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.RevocationRegistry;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import dev.inkan.token.TokenClaims;
import dev.inkan.token.TokenException;
import dev.inkan.token.TokenFormat;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verifies Inkan's access tokens in a resource server, as strictly as Inkan does and with its own
 * token format: the keys come from the issuer's discovery document and JWK Set (and HMAC keys given
 * to it), and the revocations from Inkan's feed, so that a logout on Inkan is refused here within a
 * second. Thread-safe; one per issuer, kept for the life of the service.
 *
 * <pre>{@code
 * InkanVerifier verifier = InkanVerifier.builder("https://auth.example.com")
 *         .audience("inkan")
 *         .feedToken(System.getenv("INKAN_FEED_TOKEN"))
 *         .build();
 * try {
 *     AccessTokenClaims claims = verifier.verify(bearerToken);
 *     // claims.subject(), claims.sessionId(), claims.roles(), claims.expiresAt(), claims.custom()
 * } catch (TokenRefusedException e) {
 *     // 401 with WWW-Authenticate: Bearer error="invalid_token"
 * }
 * }</pre>
 */
public final class InkanVerifier implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(InkanVerifier.class.getName());
    private static final long WARNING_INTERVAL_MILLIS = Duration.ofMinutes(1).toMillis();

    private final KeySet keys;
    private final Optional<FeedFollower> feed;
    private final RevocationRegistry registry;
    private final FeedPolicy policy;
    private final long staleAfterMillis;
    private final Clock clock;
    private final AtomicLong acceptedWhileStale = new AtomicLong();
    private volatile long lastStaleWarning = Long.MIN_VALUE;

    InkanVerifier(KeySet keys, Optional<FeedFollower> feed, RevocationRegistry registry, FeedPolicy policy, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.staleAfterMillis = policy.staleAfter().toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
        feed.ifPresent(FeedFollower::start);
    }

    /**
     * @param issuer Inkan's issuer ({@code INKAN_ISSUER}, by default {@code INKAN_PUBLIC_URL}), exactly
     *     as Inkan serves it: the discovery document's {@code issuer} and every token's {@code iss} must
     *     be this string
     * @return a builder
     */
    public static InkanVerifierBuilder builder(String issuer) {
        return new InkanVerifierBuilder(issuer);
    }

    /** @see #builder(String) */
    public static InkanVerifierBuilder builder(URI issuer) {
        return new InkanVerifierBuilder(issuer.toString());
    }

    /**
     * Verifies a token, in this order: everything the token format checks (its form, its header and
     * key, its signature, its claims, the time window with the leeway, the issuer, the audience),
     * then the revocations the feed delivered, then the feed's staleness under the {@link FeedPolicy}.
     * A token naming a key the verifier does not know makes it fetch the JWK Set again, at most once
     * per refetch interval.
     *
     * @param token a compact JWS, as a bearer presents it
     * @return its verified claims: subject, session, roles and their version, expiry, custom claims
     * @throws TokenRefusedException with the reason of the first check that failed
     */
    public AccessTokenClaims verify(String token) {
        Instant now = clock.instant();
        TokenClaims claims = verifiedByFormat(token, now);
        AccessTokenClaims verified = new AccessTokenClaims(claims.issuer(), new UserId(claims.subject()), claims.audience(),
                claims.issuedAt(), claims.expiresAt(), claims.notBefore(), claims.tokenId(), new SessionId(claims.sessionId()),
                claims.roles(), claims.rolesVersion(), claims.custom(), claims.emailVerified());
        if (feed.isPresent()) {
            if (registry.isRevoked(verified)) {
                throw new TokenRefusedException(TokenRefusedException.Reason.REVOKED);
            }
            if (!feed.get().isCurrent(now.toEpochMilli(), staleAfterMillis)) {
                whileStale(now);
            }
        }
        return verified;
    }

    private TokenClaims verifiedByFormat(String token, Instant now) {
        Optional<TokenFormat> format = keys.format(now);
        if (format.isEmpty()) {
            keys.fetchIfAllowed();
            format = keys.format(now);
            if (format.isEmpty()) {
                throw new TokenRefusedException(TokenRefusedException.Reason.KEYS_UNAVAILABLE);
            }
        }
        try {
            return format.get().verify(token, now);
        } catch (TokenException e) {
            if (e.reason() != TokenException.Reason.UNKNOWN_KEY || !keys.fetchForUnknownKey()) {
                throw new TokenRefusedException(e.reason());
            }
        }
        Optional<TokenFormat> fetched = keys.format(now);
        if (fetched.isEmpty()) {
            throw new TokenRefusedException(TokenRefusedException.Reason.KEYS_UNAVAILABLE);
        }
        try {
            return fetched.get().verify(token, now);
        } catch (TokenException e) {
            throw new TokenRefusedException(e.reason());
        }
    }

    private void whileStale(Instant now) {
        if (policy.refusesWhenStale()) {
            throw new TokenRefusedException(TokenRefusedException.Reason.FEED_STALE);
        }
        acceptedWhileStale.incrementAndGet();
        long millis = now.toEpochMilli();
        long last = lastStaleWarning;
        if (last == Long.MIN_VALUE || millis - last >= WARNING_INTERVAL_MILLIS) {
            lastStaleWarning = millis;
            LOG.log(Level.WARNING, "accepting tokens while the revocation feed is away (" + feed.get().problem().orElse("not current yet")
                    + "): a token revoked meanwhile is accepted until it expires; " + acceptedWhileStale.get() + " so far");
        }
    }

    /**
     * Waits until the verifier has keys and, when it follows the feed, has caught up with it once: for
     * a service's start, so that its first requests are not refused for want of keys, nor accepted
     * while revocations made before it started are still on their way.
     *
     * @return whether both happened within {@code timeout}
     */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (feed.isPresent() && !feed.get().awaitCurrent(timeout)) {
            return false;
        }
        while (keys.format(clock.instant()).isEmpty()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            keys.fetchIfAllowed();
            Thread.sleep(50);
        }
        return true;
    }

    /** @return what the verifier knows of its keys and its feed, and how many tokens it accepted while the feed was stale */
    public VerifierStatus status() {
        return new VerifierStatus(keys.size(), keys.problem(), feed.isPresent(), feed.flatMap(FeedFollower::currentAt),
                feed.map(FeedFollower::position).orElse(0L), feed.map(FeedFollower::connections).orElse(0L),
                acceptedWhileStale.get(), feed.flatMap(FeedFollower::problem));
    }

    /** @return how many tokens it accepted while the feed was stale, under {@link FeedPolicy#acceptWhenStale} */
    public long acceptedWhileStale() {
        return acceptedWhileStale.get();
    }

    /** Stops following the feed. */
    @Override
    public void close() {
        feed.ifPresent(FeedFollower::close);
    }
}

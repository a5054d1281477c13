package dev.inkan.verifier;

import dev.inkan.domain.RevocationRegistry;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.JwsKey;
import dev.inkan.token.TokenRules;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds an {@link InkanVerifier}. The issuer is required, and so is a decision about the revocation
 * feed: a credential to follow it with ({@link #feedToken} or {@link #feedCredential}), or
 * {@link #withoutRevocationFeed()} to accept revoked tokens until they expire.
 */
public final class InkanVerifierBuilder {

    /** Inkan's own default audience ({@code INKAN_AUDIENCE}). */
    public static final String DEFAULT_AUDIENCE = "inkan";
    /** Inkan's own default leeway ({@code INKAN_LEEWAY}). */
    public static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(30);
    /** Unknown kids make the verifier fetch the JWK Set again at most this often. */
    public static final Duration DEFAULT_REFETCH_INTERVAL = Duration.ofSeconds(30);
    /** Three of Inkan's heartbeats (15 s) without a word: the connection is taken for dead. */
    public static final Duration DEFAULT_SILENCE_LIMIT = Duration.ofSeconds(45);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final String issuer;
    private String audience = DEFAULT_AUDIENCE;
    private Duration leeway = DEFAULT_LEEWAY;
    private Clock clock = Clock.systemUTC();
    private Optional<Supplier<String>> credential = Optional.empty();
    private boolean withoutFeed;
    private Optional<URI> feedUrl = Optional.empty();
    private FeedPolicy policy = FeedPolicy.DEFAULT;
    private Duration silenceLimit = DEFAULT_SILENCE_LIMIT;
    private Duration refetchInterval = DEFAULT_REFETCH_INTERVAL;
    private final List<JwsKey> hmacKeys = new ArrayList<>();
    private Optional<HttpClient> http = Optional.empty();

    InkanVerifierBuilder(String issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        if (problemAsUrl(issuer).isPresent()) {
            throw new IllegalArgumentException("the issuer must be Inkan's http(s) URL, as INKAN_ISSUER or INKAN_PUBLIC_URL has it"
                    + " (" + problemAsUrl(issuer).get() + "): '" + issuer + "'");
        }
    }

    /** @param audience the {@code aud} every token must hold ({@code INKAN_AUDIENCE}); {@value #DEFAULT_AUDIENCE} by default */
    public InkanVerifierBuilder audience(String audience) {
        this.audience = Objects.requireNonNull(audience, "audience");
        return this;
    }

    /** @param leeway the clock skew forgiven on {@code exp}, {@code nbf} and {@code iat}: whole seconds, at most 5 minutes */
    public InkanVerifierBuilder leeway(Duration leeway) {
        this.leeway = Objects.requireNonNull(leeway, "leeway");
        return this;
    }

    /** @param clock the time tokens are checked against and the feed's staleness is measured by */
    public InkanVerifierBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Follows the revocation feed with a feed token: one of Inkan's {@code INKAN_REVOCATION_FEED_TOKENS}.
     * Keep it as secret as a password: it is never logged.
     */
    public InkanVerifierBuilder feedToken(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("the feed token is blank (is the variable that should hold it set?)");
        }
        this.credential = Optional.of(() -> token);
        return this;
    }

    /**
     * Follows the revocation feed with whatever {@code credential} gives at each connection: an Inkan
     * access token with the role {@code service}, say, which the service keeps fresh. The stream ends
     * when that token expires, and the verifier connects again with the next.
     */
    public InkanVerifierBuilder feedCredential(Supplier<String> credential) {
        this.credential = Optional.of(Objects.requireNonNull(credential, "credential"));
        return this;
    }

    /** Follows no revocation feed: a token revoked on Inkan is accepted here until it expires. */
    public InkanVerifierBuilder withoutRevocationFeed() {
        this.withoutFeed = true;
        return this;
    }

    /** @param url where the feed is, when not at the issuer's {@code /auth/revocations} */
    public InkanVerifierBuilder feedUrl(URI url) {
        this.feedUrl = Optional.of(Objects.requireNonNull(url, "url"));
        return this;
    }

    /** @param policy what to do while the feed is away; {@link FeedPolicy#DEFAULT} by default, which says why */
    public InkanVerifierBuilder whenFeedIsStale(FeedPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * @param limit how long a connection to the feed may stay silent before it is taken for dead and
     *     replaced: longer than Inkan's heartbeat ({@code INKAN_REVOCATION_FEED_HEARTBEAT}, 15 s)
     */
    public InkanVerifierBuilder feedSilenceLimit(Duration limit) {
        this.silenceLimit = positive(limit, "the feed's silence limit");
        return this;
    }

    /** @param interval how often at most a token naming an unknown key makes the verifier fetch the JWK Set again */
    public InkanVerifierBuilder keyRefetchInterval(Duration interval) {
        this.refetchInterval = positive(interval, "the key refetch interval");
        return this;
    }

    /**
     * Adds an HMAC key, for a deployment that signs with HS256, HS384 or HS512 ({@code INKAN_JWT_SECRET}):
     * the verifier then holds the secret that mints tokens, so guard it as Inkan's own.
     *
     * @param keyId the key's {@code kid}, as Inkan's tokens name it
     * @param secret at least as many bytes as the algorithm's MAC
     * @throws IllegalArgumentException when the key is too short for its algorithm, or not an HMAC's
     */
    public InkanVerifierBuilder hmacKey(String keyId, JwsAlgorithm algorithm, byte[] secret) {
        if (!algorithm.isHmac()) {
            throw new IllegalArgumentException(algorithm.jwsName() + " is no HMAC: its public keys come from the JWK Set");
        }
        hmacKeys.add(JwkKeys.hmacKey(keyId, algorithm, secret));
        return this;
    }

    /**
     * Adds the HMAC keys of a JWK Set, as Inkan's {@code INKAN_JWT_KEYS_FILE} holds them
     * ({@code {"keys":[{"kty":"oct","kid":…,"alg":"HS256","k":…}]}}).
     *
     * @throws IllegalArgumentException when it is no such set, naming the key at fault, never its bytes
     */
    public InkanVerifierBuilder hmacKeys(String jwkSet) {
        hmacKeys.addAll(JwkKeys.hmacKeys(Objects.requireNonNull(jwkSet, "jwkSet")));
        return this;
    }

    /** @param client the HTTP client for the discovery document, the JWK Set and the feed; a new one by default */
    public InkanVerifierBuilder httpClient(HttpClient client) {
        this.http = Optional.of(Objects.requireNonNull(client, "client"));
        return this;
    }

    /**
     * @return the verifier, which fetches its keys and connects to the feed in the background
     * @throws IllegalStateException when neither a feed credential nor {@link #withoutRevocationFeed()} was given
     * @throws IllegalArgumentException when the audience or leeway is out of range, or when the issuer
     *     is plain http on a host that is not loopback and no HMAC key was given: public keys are
     *     fetched only over https (or http on this machine)
     */
    public InkanVerifier build() {
        if (credential.isEmpty() && !withoutFeed) {
            throw new IllegalStateException("give feedToken(…) (one of INKAN_REVOCATION_FEED_TOKENS) or feedCredential(…) (an"
                    + " access token with the role service) to follow Inkan's revocations, or withoutRevocationFeed() to accept"
                    + " revoked tokens until they expire");
        }
        TokenRules rules = new TokenRules(issuer, audience, leeway);
        HttpClient client = http.orElseGet(() -> HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build());
        KeySet keys = new KeySet(issuer, new HttpDocuments(client, REQUEST_TIMEOUT), rules, hmacKeys, refetchInterval, clock);
        if (!keys.fetchesPublicKeys() && hmacKeys.isEmpty()) {
            throw new IllegalArgumentException("the issuer '" + issuer + "' is plain http on a host that is not loopback, over"
                    + " which public keys cannot be trusted (anyone on the way could hand over a key of theirs): give an https"
                    + " issuer, as Inkan requires for EdDSA and ES256, or the HMAC keys of an HMAC deployment");
        }
        RevocationRegistry registry = new RevocationRegistry(clock, leeway);
        Optional<FeedFollower> feed = withoutFeed ? Optional.empty() : Optional.of(new FeedFollower(client,
                feedUrl.orElseGet(() -> URI.create(withoutTrailingSlash(issuer) + "/auth/revocations")), credential.orElseThrow(),
                registry, keys, clock, silenceLimit, FIRST_BACKOFF, MAX_BACKOFF));
        return new InkanVerifier(keys, feed, registry, policy, clock);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static Duration positive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, not " + duration);
        }
        return duration;
    }

    private static Optional<String> problemAsUrl(String issuer) {
        try {
            URI uri = new URI(issuer);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                return Optional.of("not an http(s) URL with a host");
            }
            return uri.getRawQuery() != null || uri.getRawFragment() != null ? Optional.of("a query or fragment") : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("not a URL");
        }
    }
}

package dev.inkan.verifier;

import dev.inkan.token.JwsKey;
import dev.inkan.token.PublicKeyUrls;
import dev.inkan.token.TokenFormat;
import dev.inkan.token.TokenRules;
import dev.inkan.verifier.HttpDocuments.Document;
import dev.inkan.verifier.HttpDocuments.FetchException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * The keys a verifier verifies with, as one {@link TokenFormat}: the HMAC keys it was given and the
 * public keys of the issuer's JWK Set, found through its discovery document
 * ({@code /.well-known/oauth-authorization-server}, else {@code /.well-known/openid-configuration})
 * whose {@code issuer} must be the configured one exactly. The set is fetched again when its
 * {@code max-age} is up (in the background; the old keys verify meanwhile) and when a token names a
 * key it does not know (at once, but at most once per refetch interval, so unknown kids cannot make
 * it hammer the issuer, and never waiting on a fetch under way, so they cannot hold the service's threads). A key the feed retires leaves at once and does not come back from a JWK
 * Set cached somewhere. The format is swapped whole, so a verify sees one set or the next, never a mix.
 * Public keys come only over https, or plain http on a loopback host, as Inkan itself requires of an
 * issuer of public-key tokens: anyone on the path of a plain http connection could hand it a key of
 * theirs. For an issuer on plain http elsewhere (an HMAC deployment), it uses its HMAC keys alone.
 */
final class KeySet {

    private static final System.Logger LOG = System.getLogger(KeySet.class.getName());
    static final String AUTHORIZATION_SERVER = "/.well-known/oauth-authorization-server";
    static final String OPENID_CONFIGURATION = "/.well-known/openid-configuration";
    /** How long a JWK Set without {@code max-age} is kept: Inkan's own {@code max-age}. */
    static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(5);
    private static final Duration LONGEST_MAX_AGE = Duration.ofDays(1);

    private final String issuer;
    private final HttpDocuments documents;
    private final TokenRules rules;
    private final List<JwsKey> hmacKeys;
    private final Duration refetchInterval;
    private final boolean fetchesPublicKeys;
    private final Clock clock;
    private final Map<String, Instant> retired = new ConcurrentHashMap<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile Optional<TokenFormat> format;
    private volatile List<JwsKey> published = List.of();
    private volatile Instant expires = Instant.MIN;
    private volatile Optional<String> problem = Optional.empty();
    /** Guarded by {@link #fetching}. */
    private Instant lastAttempt = Instant.MIN;
    private Optional<URI> jwksUri = Optional.empty();

    KeySet(String issuer, HttpDocuments documents, TokenRules rules, List<JwsKey> hmacKeys, Duration refetchInterval, Clock clock) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.documents = Objects.requireNonNull(documents, "documents");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.hmacKeys = List.copyOf(hmacKeys);
        this.refetchInterval = Objects.requireNonNull(refetchInterval, "refetchInterval");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fetchesPublicKeys = PublicKeyUrls.isTrusted(URI.create(issuer));
        this.format = formatOf(hmacKeys);
        if (!fetchesPublicKeys) {
            expires = Instant.MAX;
        }
    }

    /**
     * @return the format to verify with now, or empty when there is no key yet; starts a refresh in
     *     the background when the JWK Set's {@code max-age} is up and there are keys to verify with
     *     meanwhile (without any, the caller fetches at once itself: a background refresh started
     *     beside that fetch would still count as under way when the new set's max-age is up, and
     *     that refresh would not start)
     */
    Optional<TokenFormat> format(Instant now) {
        Optional<TokenFormat> format = this.format;
        if (format.isPresent() && now.isAfter(expires) && refreshing.compareAndSet(false, true)) {
            Thread refresh = new Thread(() -> {
                try {
                    fetchIfStillExpired();
                } finally {
                    refreshing.set(false);
                }
            }, "inkan-verifier-keys");
            refresh.setDaemon(true);
            refresh.start();
        }
        return format;
    }

    /**
     * Fetches the keys at once, unless they were fetched within the refetch interval, waiting for a
     * fetch under way: for the first keys, and when their max-age is up.
     *
     * @return whether it fetched
     */
    boolean fetchIfAllowed() {
        if (!fetchesPublicKeys) {
            return false;
        }
        fetching.lock();
        return fetchNowAndUnlock();
    }

    /**
     * For the background refresh: as {@link #fetchIfAllowed}, but only if the set is still past its
     * max-age once this holds the lock, since a fetch that ran meanwhile (a verify's for a key the
     * set did not have, perhaps the one this waited for) may have renewed it. A set that fetches
     * no public keys never expires, so it never gets here.
     */
    private void fetchIfStillExpired() {
        fetching.lock();
        if (clock.instant().isAfter(expires)) {
            fetchNowAndUnlock();
        } else {
            fetching.unlock();
        }
    }

    /**
     * As {@link #fetchIfAllowed}, but for a token naming a key the set does not have: while another
     * fetch is under way it returns at once, so that tokens with random kids, while Inkan is slow or
     * away, cannot each hold a thread of the service waiting on one fetch.
     *
     * @return whether it fetched
     */
    boolean fetchForUnknownKey() {
        return fetchesPublicKeys && fetching.tryLock() && fetchNowAndUnlock();
    }

    /** Fetches unless the last attempt was within the refetch interval, then releases {@link #fetching}, which the caller holds. */
    private boolean fetchNowAndUnlock() {
        try {
            Instant now = clock.instant();
            if (now.isBefore(lastAttempt.plus(refetchInterval))) {
                return false;
            }
            lastAttempt = now;
            try {
                fetch(now);
                problem = Optional.empty();
            } catch (FetchException | IllegalArgumentException e) {
                problem = Optional.of(e.getMessage());
                expires = now.plus(refetchInterval); // the keys it has go on verifying; try again then
                jwksUri = Optional.empty(); // find it anew next time: the issuer may have moved it
                LOG.log(Level.WARNING, "the keys of " + issuer + " could not be had: " + e.getMessage());
            }
            return true;
        } finally {
            fetching.unlock();
        }
    }

    private void fetch(Instant now) {
        URI uri = jwksUri.isPresent() ? jwksUri.get() : discover();
        Document jwks = documents.get(uri);
        if (jwks.status() != 200) {
            throw new FetchException("the JWK Set at " + uri + " answered " + jwks.status());
        }
        Set<String> taken = hmacKeys.stream().map(JwsKey::keyId).collect(Collectors.toSet());
        published = JwkKeys.publicKeys(jwks.members(), taken);
        jwksUri = Optional.of(uri);
        Duration maxAge = jwks.maxAge().orElse(DEFAULT_MAX_AGE);
        expires = now.plus(maxAge.compareTo(LONGEST_MAX_AGE) > 0 ? LONGEST_MAX_AGE : maxAge);
        rebuild(now);
    }

    /** @return the {@code jwks_uri} of the discovery document, whose issuer is this verifier's exactly */
    private URI discover() {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        Document discovery = documents.get(uri(base + AUTHORIZATION_SERVER));
        if (discovery.status() != 200) {
            discovery = documents.get(uri(base + OPENID_CONFIGURATION));
        }
        if (discovery.status() != 200) {
            throw new FetchException("no discovery document at " + base + AUTHORIZATION_SERVER + " or " + OPENID_CONFIGURATION
                    + " (" + discovery.status() + ")");
        }
        Object named = discovery.members().get("issuer");
        if (!issuer.equals(named)) {
            throw new FetchException("the discovery document of " + issuer + " names the issuer '" + named
                    + "'; it must be this verifier's issuer exactly");
        }
        if (!(discovery.members().get("jwks_uri") instanceof String jwks)) {
            throw new FetchException("the discovery document of " + issuer + " has no jwks_uri");
        }
        URI uri = uri(jwks);
        if (!PublicKeyUrls.isTrusted(uri)) {
            throw new FetchException("the jwks_uri " + jwks + " is neither https nor http on a loopback host");
        }
        return uri;
    }

    private static URI uri(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new URISyntaxException(text, "not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new FetchException("'" + text + "' is no http(s) URL");
        }
    }

    /**
     * Drops a key the issuer retired, at once and until {@code until}, when every token it signed has expired.
     */
    void retire(String keyId, Instant until) {
        retired.put(keyId, until);
        fetching.lock();
        try {
            rebuild(clock.instant());
        } finally {
            fetching.unlock();
        }
    }

    /** Makes the format of the HMAC keys and the published keys, the retired ones left out. */
    private void rebuild(Instant now) {
        retired.values().removeIf(until -> until.isBefore(now));
        List<JwsKey> keys = new ArrayList<>();
        hmacKeys.stream().filter(key -> !retired.containsKey(key.keyId())).forEach(keys::add);
        published.stream().filter(key -> !retired.containsKey(key.keyId())).forEach(keys::add);
        format = formatOf(keys);
    }

    private Optional<TokenFormat> formatOf(List<JwsKey> keys) {
        return keys.isEmpty() ? Optional.empty() : Optional.of(new TokenFormat(keys, rules));
    }

    /** @return how many keys verify now */
    int size() {
        return (int) (hmacKeys.stream().filter(key -> !retired.containsKey(key.keyId())).count()
                + published.stream().filter(key -> !retired.containsKey(key.keyId())).count());
    }

    /** @return whether public keys are fetched from the issuer at all: not over plain http beyond this machine */
    boolean fetchesPublicKeys() {
        return fetchesPublicKeys;
    }

    /** @return why the last fetch failed, if it did */
    Optional<String> problem() {
        return problem;
    }
}

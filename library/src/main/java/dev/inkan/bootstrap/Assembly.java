package dev.inkan.bootstrap;

import dev.inkan.adapter.crypto.BouncyCastleArgon2PasswordHasher;
import dev.inkan.adapter.crypto.BouncyCastleMacAlgorithm;
import dev.inkan.adapter.crypto.BouncyCastleSignatureAlgorithm;
import dev.inkan.adapter.crypto.ConcurrencyLimitedPasswordHasher;
import dev.inkan.adapter.crypto.JcaMacAlgorithm;
import dev.inkan.adapter.crypto.JcaSignatureAlgorithm;
import dev.inkan.adapter.crypto.SecureRandomSource;
import dev.inkan.adapter.crypto.Sha256TokenHasher;
import dev.inkan.adapter.persistence.JdbiDatabase;
import dev.inkan.adapter.persistence.JdbiRevocationFeed;
import dev.inkan.adapter.persistence.JdbiSessionStore;
import dev.inkan.adapter.persistence.JdbiUserRepository;
import dev.inkan.application.port.in.GetPublicKeysUseCase;
import dev.inkan.application.port.out.KeyRing;
import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.port.out.RevocationFeed;
import dev.inkan.application.port.out.SessionStore;
import dev.inkan.application.port.out.SignatureAlgorithm;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.application.service.AdministerUsersService;
import dev.inkan.application.service.EndSessionService;
import dev.inkan.application.service.GetPublicKeysService;
import dev.inkan.application.service.GetUserProfileService;
import dev.inkan.application.service.ListSessionsService;
import dev.inkan.application.service.LoginService;
import dev.inkan.application.service.LogoutEverywhereService;
import dev.inkan.application.service.LogoutService;
import dev.inkan.application.service.RefreshTokensService;
import dev.inkan.application.service.RegisterUserService;
import dev.inkan.application.service.VerifyAccessTokenService;
import dev.inkan.application.tokens.AccessTokens;
import dev.inkan.application.tokens.SuccessorTokens;
import dev.inkan.application.tokens.TokenIssuer;
import dev.inkan.domain.RevocationRegistry;
import dev.inkan.domain.TokenPolicy;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.SigningKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes an {@link Inkan} of resolved {@link Choices}: the adapters, the services, and the housekeeping. */
final class Assembly {

    private static final Logger LOG = LoggerFactory.getLogger(Assembly.class);
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);
    /** The name of the secret the refresh successors are derived from, in the database. */
    private static final String SUCCESSOR_SECRET = "refresh-successor";

    private Assembly() {
    }

    static Inkan assemble(Choices choices) {
        KeySource keys = choices.keys().orElseThrow(() -> new IllegalStateException(
                "no signing keys: call secret(…), jwkSet(…), keyRing(…) or keys(…), or give configuration(…) "
                        + KeyRingLoader.SECRET + " or " + KeyRingLoader.KEYS_FILE));
        KeyRing ring = keys.keys(choices.algorithm());
        AccessTokens accessTokens = accessTokens(keys.origin(), ring, choices);
        if (choices.sessions().isPresent() != choices.revocationFeed().isPresent()) {
            throw new IllegalStateException("a session store of your own records the revocations of the sessions it ends,"
                    + " so it comes with a revocation feed of your own: give sessionStore(…) and revocationFeed(…), or neither");
        }
        if (choices.needsDatabase() && choices.database().isEmpty() && choices.dataSource().isEmpty()) {
            throw new IllegalStateException("no database: call jdbcUrl(…), dataSource(…) or configuration(…) with INKAN_DB_URL,"
                    + " or give every store of your own and a successorSecret(…)");
        }
        PasswordHasher hasher = choices.passwordHasher().orElseGet(() -> hasherOf(choices));
        var hashing = new ConcurrencyLimitedPasswordHasher(hasher, choices.hashConcurrency(), choices.hashQueue());
        Optional<JdbiDatabase> database = Optional.empty();
        try {
            database = choices.needsDatabase() ? Optional.of(start(choices)) : Optional.empty();
            return wire(choices, accessTokens, new GetPublicKeysService(ring, choices.rules().issuer()), hashing, database);
        } catch (RuntimeException | Error e) {
            hashing.close();
            database.ifPresent(JdbiDatabase::close);
            throw e;
        }
    }

    /** @throws IllegalArgumentException naming where the keys came from, when the token format refuses them */
    private static AccessTokens accessTokens(String origin, KeyRing ring, Choices choices) {
        MacAlgorithm mac = choices.macAlgorithm().orElseGet(() -> switch (choices.cryptoProvider()) {
            case JCA -> new JcaMacAlgorithm();
            case BOUNCYCASTLE -> new BouncyCastleMacAlgorithm();
        });
        SignatureAlgorithm signatures = switch (choices.cryptoProvider()) {
            case JCA -> new JcaSignatureAlgorithm();
            case BOUNCYCASTLE -> new BouncyCastleSignatureAlgorithm();
        };
        try {
            return new AccessTokens(ring, mac, signatures, choices.rules(), choices.policy().accessTtl());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException when {@code secret} is too short to derive successors with HS256 */
    static SigningKey successorKey(byte[] secret) {
        return new SigningKey(SUCCESSOR_SECRET, JwsAlgorithm.HS256, secret);
    }

    private static Inkan wire(Choices choices, AccessTokens accessTokens, GetPublicKeysUseCase publicKeys,
                              ConcurrencyLimitedPasswordHasher hasher, Optional<JdbiDatabase> database) {
        TokenPolicy policy = choices.policy();
        Duration leeway = choices.rules().leeway();
        Clock clock = choices.clock();
        RandomSource random = new SecureRandomSource();
        Optional<JdbiRevocationFeed> ownFeed = choices.revocationFeed().isPresent() ? Optional.empty()
                : Optional.of(database.orElseThrow().revocationFeed(policy.accessTtl(), leeway, clock));
        // Inkan's user store records what it takes away (roles, disabled and deleted accounts) on the database's feed.
        Optional<JdbiRevocationFeed> usersFeed = choices.users().isPresent() ? Optional.empty()
                : Optional.of(database.orElseThrow().revocationFeed(policy.accessTtl(), leeway, clock));
        UserRepository users = choices.users().orElseGet(() -> new JdbiUserRepository(database.orElseThrow().jdbi(),
                usersFeed.orElseThrow()));
        Optional<JdbiSessionStore> ownSessions = ownFeed.map(feed ->
                new JdbiSessionStore(database.orElseThrow().jdbi(), feed, choices.users().isEmpty()));
        SessionStore sessions = choices.sessions().isPresent() ? choices.sessions().get() : ownSessions.orElseThrow();
        RevocationFeed feed = choices.revocationFeed().isPresent() ? choices.revocationFeed().get() : ownFeed.orElseThrow();
        byte[] successorSecret = choices.successorSecret()
                .orElseGet(() -> database.orElseThrow().sharedSecret(SUCCESSOR_SECRET, new SecureRandom()));

        var tokenHasher = new Sha256TokenHasher();
        var successors = new SuccessorTokens(new JcaMacAlgorithm().keyed(successorKey(successorSecret)));
        var issuer = new TokenIssuer(accessTokens, policy, sessions, tokenHasher, successors, random, users,
                choices.customClaims(), clock);
        var revocations = new RevocationRegistry(clock, leeway);
        feed.follow(revocations, clock.instant());
        // With a revocation feed of the application's own, the registry hears Inkan's user store too.
        usersFeed.filter(own -> own != feed).ifPresent(own -> own.follow(revocations, clock.instant()));
        UseCases useCases = new UseCases(
                new RegisterUserService(users, hasher, random, clock),
                new LoginService(users, hasher, issuer, random),
                new RefreshTokensService(sessions, tokenHasher, issuer, policy, choices.refreshReuseGrace(), clock),
                new LogoutService(sessions, feed, clock),
                new LogoutEverywhereService(sessions, clock),
                new VerifyAccessTokenService(accessTokens, revocations, clock),
                new GetUserProfileService(users),
                new ListSessionsService(sessions, clock),
                new EndSessionService(sessions, clock),
                new AdministerUsersService(users, sessions, clock),
                publicKeys,
                database.<java.util.function.BooleanSupplier>map(db -> db::isHealthy).orElse(() -> true));
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "inkan-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        Inkan inkan = new Inkan(useCases, database, () -> {
            housekeeping.shutdownNow();
            hasher.close();
            database.ifPresent(JdbiDatabase::close);
        });
        Duration accessTokenReach = policy.accessTtl().plus(leeway);
        housekeeping.scheduleWithFixedDelay(() -> purge(inkan, ownSessions, ownFeed, accessTokenReach, clock),
                PURGE_INTERVAL.toSeconds(), PURGE_INTERVAL.toSeconds(), TimeUnit.SECONDS);
        return inkan;
    }

    /**
     * Rows go only once they cannot matter: a spent refresh token stays until well after it
     * expired (so presenting it again is still reuse), a revocation until nothing it refuses can
     * be accepted.
     */
    private static void purge(Inkan inkan, Optional<JdbiSessionStore> sessions, Optional<JdbiRevocationFeed> feed,
                              Duration accessTokenReach, Clock clock) {
        try {
            sessions.ifPresent(store -> store.purgeExpired(clock.instant().minus(accessTokenReach)));
            feed.ifPresent(revocations -> revocations.purgeExpired(clock.instant()));
            inkan.purgeRateLimitBuckets();
        } catch (RuntimeException e) {
            LOG.warn("purging expired rows failed; will retry: {}", e.getMessage());
        }
    }

    private static JdbiDatabase start(Choices choices) {
        return choices.dataSource().map(JdbiDatabase::start).orElseGet(() -> JdbiDatabase.start(choices.database().orElseThrow()));
    }

    private static PasswordHasher hasherOf(Choices choices) {
        return switch (choices.passwordHasherChoice()) {
            case ARGON2_BC -> new BouncyCastleArgon2PasswordHasher(choices.argon2());
            case ARGON2_NATIVE -> NativeArgon2.hasher(choices.argon2());
        };
    }
}

package dev.inkan.bootstrap;

import dev.inkan.adapter.crypto.Argon2NativePasswordHasher;
import dev.inkan.adapter.crypto.BouncyCastleArgon2PasswordHasher;
import dev.inkan.adapter.crypto.BouncyCastleMacAlgorithm;
import dev.inkan.adapter.crypto.JacksonClaimsCodec;
import dev.inkan.adapter.crypto.JcaMacAlgorithm;
import dev.inkan.adapter.crypto.SecureRandomSource;
import dev.inkan.adapter.crypto.Sha256TokenHasher;
import dev.inkan.adapter.persistence.JdbiDatabase;
import dev.inkan.adapter.persistence.JdbiRefreshTokenStore;
import dev.inkan.adapter.persistence.JdbiSessionStore;
import dev.inkan.adapter.persistence.JdbiUserRepository;
import dev.inkan.adapter.web.InkanHttpServer;
import dev.inkan.adapter.web.RateLimitBuckets;
import dev.inkan.adapter.web.WebUseCases;
import dev.inkan.application.port.out.KeyRing;
import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.service.AccessTokenCodec;
import dev.inkan.application.service.EndSessionService;
import dev.inkan.application.service.GetUserProfileService;
import dev.inkan.application.service.ListSessionsService;
import dev.inkan.application.service.LoginService;
import dev.inkan.application.service.LogoutEverywhereService;
import dev.inkan.application.service.LogoutService;
import dev.inkan.application.service.RefreshTokensService;
import dev.inkan.application.service.RegisterUserService;
import dev.inkan.application.service.RevocationRegistry;
import dev.inkan.application.service.SuccessorTokens;
import dev.inkan.application.service.TokenIssuer;
import dev.inkan.application.service.VerifyAccessTokenService;
import dev.inkan.domain.TokenPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running Inkan server: configuration in, adapters picked and wired by hand, HTTP out. */
public final class InkanApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InkanApplication.class);
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

    private final JdbiDatabase database;
    private final InkanHttpServer server;
    private final ScheduledExecutorService housekeeping;

    private InkanApplication(JdbiDatabase database, InkanHttpServer server, ScheduledExecutorService housekeeping) {
        this.database = database;
        this.server = server;
        this.housekeeping = housekeeping;
    }

    /**
     * Parses {@code config}, opens the database (migrating it), and starts the HTTP API.
     *
     * @throws ConfigException naming the variable when a setting is bad
     */
    public static InkanApplication start(ConfigSource config) {
        InkanSettings settings = InkanSettings.from(config);
        try {
            DataDirectory.create(settings.server().dataDir());
        } catch (java.io.IOException e) {
            throw new ConfigException("INKAN_DATA_DIR: cannot create " + settings.server().dataDir() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        Clock clock = Clock.systemUTC();
        RandomSource random = new SecureRandomSource();
        KeyRing keys = KeyRingLoader.load(config, settings.tokens().algorithm(), settings.server().dataDir(), random);
        MacAlgorithm mac = macAlgorithm(settings);
        AccessTokenCodec codec = newCodec(mac, keys);

        JdbiDatabase database = JdbiDatabase.start(settings.database());
        try {
            TokenPolicy policy = settings.tokens().policy();
            PasswordHasher hasher = passwordHasher(settings.crypto());
            var users = new JdbiUserRepository(database.jdbi());
            var refreshTokens = new JdbiRefreshTokenStore(database.jdbi());
            var sessions = new JdbiSessionStore(database.jdbi());
            var feed = database.revocationFeed(policy.accessTtl());
            var tokenHasher = new Sha256TokenHasher();
            var issuer = new TokenIssuer(codec, policy, refreshTokens, sessions, tokenHasher, new SuccessorTokens(mac, keys),
                    random, clock);
            var revocations = RevocationRegistry.following(feed, policy, clock);

            WebUseCases useCases = new WebUseCases(
                    new RegisterUserService(users, hasher, random, clock),
                    new LoginService(users, hasher, issuer, random),
                    new RefreshTokensService(refreshTokens, tokenHasher, issuer, feed, policy,
                            settings.tokens().refreshReuseGrace(), clock),
                    new LogoutService(refreshTokens, feed, policy, clock),
                    new LogoutEverywhereService(users, refreshTokens, feed, policy, clock),
                    new VerifyAccessTokenService(codec, policy, revocations, clock),
                    new GetUserProfileService(users),
                    new ListSessionsService(sessions, clock),
                    new EndSessionService(sessions, refreshTokens, feed, policy, clock),
                    database::isHealthy);

            ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "inkan-housekeeping");
                thread.setDaemon(true);
                return thread;
            });
            housekeeping.scheduleWithFixedDelay(() -> purge(database, refreshTokens, policy, clock),
                    PURGE_INTERVAL.toSeconds(), PURGE_INTERVAL.toSeconds(), TimeUnit.SECONDS);

            RateLimitBuckets buckets = database.sharedRateLimitBuckets().map(RateLimitBuckets::shared)
                    .orElseGet(RateLimitBuckets::inMemory);
            InkanHttpServer server = InkanHttpServer.start(useCases, settings.web(), buckets, settings.server().host(),
                    settings.server().port());
            LOG.info("Inkan listening on {}:{} (database: {}, {} with {}, passwords: {})",
                    settings.server().host(), server.port(), settings.database().kind(),
                    settings.tokens().algorithm(), settings.crypto().provider(), settings.crypto().hasher());
            return new InkanApplication(database, server, housekeeping);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static MacAlgorithm macAlgorithm(InkanSettings settings) {
        return switch (settings.crypto().provider()) {
            case JCA -> new JcaMacAlgorithm(settings.tokens().algorithm());
            case BOUNCYCASTLE -> new BouncyCastleMacAlgorithm(settings.tokens().algorithm());
        };
    }

    private static AccessTokenCodec newCodec(MacAlgorithm mac, KeyRing keys) {
        try {
            return new AccessTokenCodec(mac, keys, new JacksonClaimsCodec());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("signing keys (INKAN_JWT_SECRET / INKAN_JWT_KEYS_FILE): " + e.getMessage());
        }
    }

    private static PasswordHasher passwordHasher(CryptoSettings crypto) {
        return switch (crypto.hasher()) {
            case ARGON2_NATIVE -> new Argon2NativePasswordHasher(crypto.argon2());
            case ARGON2_BC -> new BouncyCastleArgon2PasswordHasher(crypto.argon2());
        };
    }

    /** Rows go only once they cannot matter: revoked sessions are reloaded at start-up while their access tokens live. */
    private static void purge(JdbiDatabase database, JdbiRefreshTokenStore refreshTokens, TokenPolicy policy, Clock clock) {
        try {
            refreshTokens.purgeExpired(clock.instant().minus(policy.accessTtl()).minus(policy.leeway()));
            database.purgeRateLimitBuckets();
        } catch (RuntimeException e) {
            LOG.warn("purging expired tokens failed; will retry: {}", e.getMessage());
        }
    }

    /** @return the port the HTTP API listens on */
    public int port() {
        return server.port();
    }

    /** Stops the HTTP API, then the housekeeping and the database pool. */
    @Override
    public void close() {
        server.close();
        housekeeping.shutdownNow();
        database.close();
    }
}

package dev.inkan.bootstrap;

import dev.inkan.adapter.crypto.Argon2NativePasswordHasher;
import dev.inkan.adapter.crypto.Argon2Parameters;
import dev.inkan.adapter.crypto.BouncyCastleArgon2PasswordHasher;
import dev.inkan.adapter.crypto.BouncyCastleMacAlgorithm;
import dev.inkan.adapter.crypto.JcaMacAlgorithm;
import dev.inkan.adapter.crypto.JwkThumbprint;
import dev.inkan.adapter.crypto.SecureRandomSource;
import dev.inkan.adapter.crypto.Sha256TokenHasher;
import dev.inkan.adapter.crypto.StaticKeyRing;
import dev.inkan.adapter.crypto.StrictJsonClaimsCodec;
import dev.inkan.adapter.persistence.DatabaseSettings;
import dev.inkan.adapter.persistence.JdbiDatabase;
import dev.inkan.adapter.persistence.JdbiRevocationFeed;
import dev.inkan.adapter.persistence.JdbiSessionStore;
import dev.inkan.adapter.persistence.JdbiUserRepository;
import dev.inkan.adapter.web.InkanJavalinPlugin;
import dev.inkan.adapter.web.RateLimitBuckets;
import dev.inkan.adapter.web.WebUseCases;
import dev.inkan.application.port.in.EndSessionUseCase;
import dev.inkan.application.port.in.GetUserProfileUseCase;
import dev.inkan.application.port.in.ListSessionsUseCase;
import dev.inkan.application.port.in.LoginUseCase;
import dev.inkan.application.port.in.LogoutEverywhereUseCase;
import dev.inkan.application.port.in.LogoutUseCase;
import dev.inkan.application.port.in.RefreshTokensUseCase;
import dev.inkan.application.port.in.RegisterUserUseCase;
import dev.inkan.application.port.in.VerifyAccessTokenUseCase;
import dev.inkan.application.port.out.KeyRing;
import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.port.out.RevocationFeed;
import dev.inkan.application.port.out.SessionStore;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.application.service.AccessTokenCodec;
import dev.inkan.application.service.ConcurrencyLimitedPasswordHasher;
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
import dev.inkan.domain.JwsAlgorithm;
import dev.inkan.domain.SigningKey;
import dev.inkan.domain.TokenPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inkan as a library: its use cases, assembled from explicit choices, for an application that
 * embeds them with or without HTTP. The standalone server is built the same way.
 *
 * <pre>{@code
 * try (Inkan inkan = Inkan.builder()
 *         .jdbcUrl("jdbc:h2:mem:app;DB_CLOSE_DELAY=-1", "", "")
 *         .secret(keyBytes)
 *         .cryptoProvider(CryptoProvider.BOUNCYCASTLE)
 *         .build()) {
 *     inkan.register().register(RegisterCommand.of("ann@example.com", "correct horse battery"));
 *     IssuedTokens tokens = inkan.login().login(LoginCommand.of("ann@example.com", "correct horse battery"));
 *     AccessTokenClaims claims = inkan.verify().verify(tokens.accessToken());
 * }
 * }</pre>
 */
public final class Inkan implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Inkan.class);
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);
    /** The name of the secret the refresh successors are derived from, in the database. */
    private static final String SUCCESSOR_SECRET = "refresh-successor";

    private final WebUseCases useCases;
    private final JdbiDatabase database;
    private final ScheduledExecutorService housekeeping;
    private final ConcurrencyLimitedPasswordHasher hashing;

    private Inkan(WebUseCases useCases, JdbiDatabase database, ScheduledExecutorService housekeeping,
                  ConcurrencyLimitedPasswordHasher hashing) {
        this.useCases = useCases;
        this.database = database;
        this.housekeeping = housekeeping;
        this.hashing = hashing;
    }

    /** @return a builder with the defaults of DESIGN.md (HS256 with JCA, Argon2id at OWASP's minimum, 15 minutes, 7 days) */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the use case that registers users */
    public RegisterUserUseCase register() {
        return useCases.register();
    }

    /** @return the use case that logs users in */
    public LoginUseCase login() {
        return useCases.login();
    }

    /** @return the use case that rotates refresh tokens */
    public RefreshTokensUseCase refresh() {
        return useCases.refresh();
    }

    /** @return the use case that ends one session */
    public LogoutUseCase logout() {
        return useCases.logout();
    }

    /** @return the use case that ends every session of a user */
    public LogoutEverywhereUseCase logoutEverywhere() {
        return useCases.logoutEverywhere();
    }

    /** @return the use case that verifies access tokens, without touching the database */
    public VerifyAccessTokenUseCase verify() {
        return useCases.verify();
    }

    /** @return the use case that reads a user's profile */
    public GetUserProfileUseCase profile() {
        return useCases.profile();
    }

    /** @return the use case that lists a user's live sessions */
    public ListSessionsUseCase listSessions() {
        return useCases.listSessions();
    }

    /** @return the use case that ends one of a user's sessions */
    public EndSessionUseCase endSession() {
        return useCases.endSession();
    }

    /**
     * Inkan's routes for a host's Javalin 7, under a prefix, with the host's own routes protected.
     *
     * @param configure sets the prefix, the protected paths and the edge settings
     * @return the plugin, for {@code config.registerPlugin(...)}
     */
    public InkanJavalinPlugin javalinPlugin(Consumer<InkanJavalinPlugin.Config> configure) {
        return new InkanJavalinPlugin(useCases, config -> {
            if (database != null) {
                database.sharedRateLimitBuckets().map(RateLimitBuckets::shared).ifPresent(shared -> config.rateLimitBuckets = shared);
            }
            configure.accept(config);
        });
    }

    WebUseCases webUseCases() {
        return useCases;
    }

    JdbiDatabase database() {
        return database;
    }

    /**
     * Stops the background purge and the password-hashing threads, and closes the database pool
     * Inkan opened (never a data source passed in).
     */
    @Override
    public void close() {
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
        hashing.close();
        if (database != null) {
            database.close();
        }
    }

    /** Assembles {@link Inkan} from explicit choices; later calls win over earlier ones. */
    public static final class Builder {

        private DatabaseSettings databaseSettings;
        private DataSource dataSource;
        private KeyRing keyRing;
        private JwsAlgorithm algorithm = JwsAlgorithm.HS256;
        private CryptoProvider cryptoProvider = CryptoProvider.JCA;
        private MacAlgorithm macAlgorithm;
        private PasswordHasherChoice passwordHasherChoice = PasswordHasherChoice.ARGON2_NATIVE;
        private Argon2Parameters argon2 = Argon2Parameters.OWASP_MINIMUM;
        private PasswordHasher passwordHasher;
        /** Null until chosen: then the default for the hasher and its parameters. */
        private Integer hashConcurrency;
        /** Null until chosen: then {@link ConcurrencyLimitedPasswordHasher#DEFAULT_WAITING_PER_THREAD} per hashing thread. */
        private Integer hashQueue;
        private String issuer = "inkan";
        private String audience = "inkan";
        private Duration accessTtl = TokenPolicy.DEFAULT_ACCESS_TTL;
        private Duration refreshTtl = TokenPolicy.DEFAULT_REFRESH_TTL;
        private Duration leeway = TokenPolicy.DEFAULT_LEEWAY;
        private Duration refreshReuseGrace = RefreshTokensService.DEFAULT_REUSE_GRACE;
        private Clock clock = Clock.systemUTC();
        private UserRepository users;
        private SessionStore sessions;
        private RevocationFeed revocationFeed;
        private Duration sessionMaxLifetime = TokenPolicy.DEFAULT_SESSION_MAX_LIFETIME;
        private byte[] successorSecret;

        private Builder() {
        }

        /**
         * Takes every choice that {@code INKAN_*} keys make, exactly as the server reads them from
         * its environment: algorithm, crypto provider, password hasher, lifetimes, issuer, audience,
         * keys ({@code INKAN_JWT_SECRET} or {@code INKAN_JWT_KEYS_FILE}) and database ({@code INKAN_DB_URL}).
         *
         * @throws ConfigException naming the key of a bad value
         */
        public Builder configuration(Map<String, String> settings) {
            ConfigSource config = ConfigSource.of(settings);
            InkanSettings parsed = InkanSettings.from(config);
            algorithm = parsed.tokens().algorithm();
            TokenPolicy policy = parsed.tokens().policy();
            issuer = policy.issuer();
            audience = policy.audience();
            accessTtl = policy.accessTtl();
            refreshTtl = policy.refreshTtl();
            leeway = policy.leeway();
            sessionMaxLifetime = policy.sessionMaxLifetime();
            refreshReuseGrace = parsed.tokens().refreshReuseGrace();
            cryptoProvider = parsed.crypto().provider();
            macAlgorithm = null;
            passwordHasherChoice = parsed.crypto().hasher();
            argon2 = parsed.crypto().argon2();
            hashConcurrency = parsed.crypto().hashConcurrency();
            hashQueue = parsed.crypto().hashQueue();
            passwordHasher = null;
            KeyRingLoader.configured(config, algorithm).ifPresent(keys -> keyRing = keys);
            parsed.tokens().successorSecret().ifPresent(secret -> successorSecret = secret);
            if (config.optional("INKAN_DB_URL").isPresent()) {
                databaseSettings = parsed.database();
                dataSource = null;
            }
            return this;
        }

        /** The same as {@link #configuration(Map)}, from a {@link Properties} file's keys. */
        public Builder configuration(Properties properties) {
            Map<String, String> map = new HashMap<>();
            properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
            return configuration(map);
        }

        /** Stores in the database at {@code jdbcUrl} ({@code jdbc:h2:} or {@code jdbc:postgresql:}), in a pool Inkan opens. */
        public Builder jdbcUrl(String jdbcUrl, String user, String password) {
            this.databaseSettings = new DatabaseSettings(jdbcUrl, user, password, DatabaseSettings.DEFAULT_POOL_SIZE);
            this.dataSource = null;
            return this;
        }

        /** The size of the pool Inkan opens for {@link #jdbcUrl} (10 by default). */
        public Builder poolSize(int poolSize) {
            DatabaseSettings current = Objects.requireNonNull(databaseSettings, "call jdbcUrl(…) first");
            this.databaseSettings = new DatabaseSettings(current.jdbcUrl(), current.user(), current.password(), poolSize);
            return this;
        }

        /** Stores in the application's own data source; Inkan migrates its tables there and never closes it. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            this.databaseSettings = null;
            return this;
        }

        /** Keys of the application's own (a secret manager's, say): the first signs, every one verifies. */
        public Builder keyRing(KeyRing keyRing) {
            this.keyRing = Objects.requireNonNull(keyRing, "keyRing");
            return this;
        }

        /** Keys from the text of a JWK Set of {@code oct} keys. */
        public Builder jwkSet(String json) {
            this.keyRing = KeyRingLoader.fromJwkSet(json, algorithm, "JWK Set");
            return this;
        }

        /** One key, as bytes; its id is its RFC 7638 thumbprint. */
        public Builder secret(byte[] key) {
            this.keyRing = new StaticKeyRing(List.of(new SigningKey(JwkThumbprint.ofOctetKey(key), key)));
            return this;
        }

        /** HS256 (the default), HS384 or HS512. */
        public Builder algorithm(JwsAlgorithm algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
            return this;
        }

        /** Who computes the HMACs: the JDK (the default) or Bouncy Castle. */
        public Builder cryptoProvider(CryptoProvider provider) {
            this.cryptoProvider = Objects.requireNonNull(provider, "provider");
            this.macAlgorithm = null;
            return this;
        }

        /** An HMAC implementation of the application's own; its algorithm replaces {@link #algorithm}. */
        public Builder macAlgorithm(MacAlgorithm macAlgorithm) {
            this.macAlgorithm = Objects.requireNonNull(macAlgorithm, "macAlgorithm");
            this.algorithm = macAlgorithm.algorithm();
            return this;
        }

        /** Argon2id through argon2-jvm (the default) or pure-Java Bouncy Castle. */
        public Builder passwordHasher(PasswordHasherChoice choice) {
            this.passwordHasherChoice = Objects.requireNonNull(choice, "choice");
            this.passwordHasher = null;
            return this;
        }

        /** A password hasher of the application's own. */
        public Builder passwordHasher(PasswordHasher hasher) {
            this.passwordHasher = Objects.requireNonNull(hasher, "hasher");
            return this;
        }

        /** Argon2id costs; stronger ones rehash each password at its next login. */
        public Builder argon2(int memoryKiB, int iterations, int parallelism) {
            this.argon2 = new Argon2Parameters(memoryKiB, iterations, parallelism);
            return this;
        }

        /**
         * How many password hashes may run at once (default: one per core, and for the pure-Java
         * hasher no more than a quarter of the heap holds); more wait their turn, so a burst of
         * logins cannot hold the hash's memory cost many times over.
         */
        public Builder passwordHashConcurrency(int maxConcurrent) {
            if (maxConcurrent < 1) {
                throw new IllegalArgumentException("at least one hash must be able to run");
            }
            this.hashConcurrency = maxConcurrent;
            return this;
        }

        /**
         * How many password hashes may wait for a turn (default: 8 per hashing thread). A login or
         * registration that finds the line full fails at once with {@code PasswordHashingBusyException}
         * (503 over HTTP) instead of waiting behind a flood; 0 lets none wait.
         */
        public Builder passwordHashQueue(int maxWaiting) {
            if (maxWaiting < 0) {
                throw new IllegalArgumentException("the number of hashes that may wait cannot be negative");
            }
            this.hashQueue = maxWaiting;
            return this;
        }

        /** The {@code iss} claim issued and required. */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        /** The {@code aud} claim issued and required. */
        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** How long access tokens live (15 minutes by default). */
        public Builder accessTtl(Duration accessTtl) {
            this.accessTtl = accessTtl;
            return this;
        }

        /** How long refresh tokens live (7 days by default). */
        public Builder refreshTtl(Duration refreshTtl) {
            this.refreshTtl = refreshTtl;
            return this;
        }

        /** The clock skew forgiven when checking times (30 seconds by default). */
        public Builder leeway(Duration leeway) {
            this.leeway = leeway;
            return this;
        }

        /** How long after a rotation a retry gets the same successor (10 seconds; zero turns it off). */
        public Builder refreshReuseGrace(Duration grace) {
            this.refreshReuseGrace = grace;
            return this;
        }

        /** The clock every rule reads (for tests and simulations). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The application's own user table. */
        public Builder userRepository(UserRepository users) {
            this.users = Objects.requireNonNull(users, "users");
            return this;
        }

        /**
         * The application's own session store (sessions and their refresh tokens). It records and
         * delivers the revocations of the sessions it ends, so it comes with a revocation feed of
         * the application's own too.
         */
        public Builder sessionStore(SessionStore sessions) {
            this.sessions = Objects.requireNonNull(sessions, "sessions");
            return this;
        }

        /** The application's own revocation feed (how revocations reach every instance); it comes with a session store of its own. */
        public Builder revocationFeed(RevocationFeed revocationFeed) {
            this.revocationFeed = Objects.requireNonNull(revocationFeed, "revocationFeed");
            return this;
        }

        /** How long a session lasts from its login however often it refreshes (30 days by default). */
        public Builder sessionMaxLifetime(Duration lifetime) {
            this.sessionMaxLifetime = lifetime;
            return this;
        }

        /**
         * The secret from which the successor of a refresh token is derived (at least 32 bytes), the
         * same on every instance. By default Inkan makes one in its database; an application whose
         * stores are all its own gives one here.
         */
        public Builder successorSecret(byte[] secret) {
            if (secret.length < 32) {
                throw new IllegalArgumentException("the successor secret needs at least 32 bytes");
            }
            this.successorSecret = secret.clone();
            return this;
        }

        /**
         * Opens the database (migrating it) unless every store is the application's own, and
         * assembles the use cases.
         *
         * @throws IllegalStateException when no keys were given, or a database is needed and none was named
         * @throws IllegalArgumentException when a choice is invalid (a key too short for the algorithm, say)
         */
        public Inkan build() {
            if (keyRing == null) {
                throw new IllegalStateException("no signing keys: call secret(…), jwkSet(…), keyRing(…) or configuration(…)");
            }
            if ((sessions == null) != (revocationFeed == null)) {
                throw new IllegalStateException("a session store of your own records the revocations of the sessions it ends,"
                        + " so it comes with a revocation feed of your own: give both, or neither");
            }
            boolean needsDatabase = users == null || sessions == null || successorSecret == null;
            if (needsDatabase && databaseSettings == null && dataSource == null) {
                throw new IllegalStateException("no database: call jdbcUrl(…), dataSource(…) or configuration(…) with INKAN_DB_URL,"
                        + " or give every store of your own");
            }
            TokenPolicy policy = new TokenPolicy(issuer, audience, accessTtl, refreshTtl, leeway, sessionMaxLifetime);
            JdbiDatabase database = needsDatabase
                    ? (dataSource != null ? JdbiDatabase.start(dataSource) : JdbiDatabase.start(databaseSettings)) : null;
            try {
                return assemble(policy, database);
            } catch (RuntimeException e) {
                if (database != null) {
                    database.close();
                }
                throw e;
            }
        }

        private Inkan assemble(TokenPolicy policy, JdbiDatabase database) {
            RandomSource random = new SecureRandomSource();
            MacAlgorithm mac = macAlgorithm != null ? macAlgorithm : switch (cryptoProvider) {
                case JCA -> new JcaMacAlgorithm(algorithm);
                case BOUNCYCASTLE -> new BouncyCastleMacAlgorithm(algorithm);
            };
            PasswordHasher chosenHasher = passwordHasher != null ? passwordHasher : switch (passwordHasherChoice) {
                case ARGON2_NATIVE -> new Argon2NativePasswordHasher(argon2);
                case ARGON2_BC -> new BouncyCastleArgon2PasswordHasher(argon2);
            };
            int concurrency = hashConcurrency != null ? hashConcurrency
                    : CryptoSettings.defaultHashConcurrency(passwordHasherChoice, argon2);
            var hasher = new ConcurrencyLimitedPasswordHasher(chosenHasher, concurrency,
                    hashQueue != null ? hashQueue : CryptoSettings.defaultHashQueue(concurrency));
            UserRepository userStore = users != null ? users : new JdbiUserRepository(database.jdbi());
            JdbiRevocationFeed ownFeed = revocationFeed == null
                    ? database.revocationFeed(policy.accessTtl(), policy.leeway(), clock) : null;
            JdbiSessionStore ownSessions = sessions == null ? new JdbiSessionStore(database.jdbi(), ownFeed) : null;
            SessionStore sessionStore = ownSessions != null ? ownSessions : sessions;
            RevocationFeed feed = ownFeed != null ? ownFeed : revocationFeed;
            byte[] successorKey = successorSecret != null ? successorSecret
                    : database.sharedSecret(SUCCESSOR_SECRET, new SecureRandom());

            AccessTokenCodec codec = new AccessTokenCodec(mac, keyRing, new StrictJsonClaimsCodec());
            var tokenHasher = new Sha256TokenHasher();
            var successors = new SuccessorTokens(new JcaMacAlgorithm(JwsAlgorithm.HS256)
                    .keyed(new SigningKey(SUCCESSOR_SECRET, successorKey)));
            var issuer = new TokenIssuer(codec, policy, sessionStore, tokenHasher, successors, random, clock);
            var revocations = RevocationRegistry.following(feed, policy, clock);
            WebUseCases useCases = new WebUseCases(
                    new RegisterUserService(userStore, hasher, random, clock),
                    new LoginService(userStore, hasher, issuer, random),
                    new RefreshTokensService(sessionStore, tokenHasher, issuer, policy, refreshReuseGrace, clock),
                    new LogoutService(sessionStore, feed, clock),
                    new LogoutEverywhereService(sessionStore, clock),
                    new VerifyAccessTokenService(codec, policy, revocations, clock),
                    new GetUserProfileService(userStore),
                    new ListSessionsService(sessionStore, clock),
                    new EndSessionService(sessionStore, clock),
                    database != null ? database::isHealthy : () -> true);
            return new Inkan(useCases, database,
                    ownSessions == null ? null : purgeInBackground(database, ownSessions, ownFeed, policy), hasher);
        }

        /**
         * Rows go only once they cannot matter: a spent refresh token stays until well after it
         * expired (so presenting it again is still reuse), a revocation until nothing it refuses can
         * be accepted.
         */
        private ScheduledExecutorService purgeInBackground(JdbiDatabase database, JdbiSessionStore sessionStore,
                                                           JdbiRevocationFeed feed, TokenPolicy policy) {
            ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "inkan-housekeeping");
                thread.setDaemon(true);
                return thread;
            });
            housekeeping.scheduleWithFixedDelay(() -> {
                try {
                    sessionStore.purgeExpired(clock.instant().minus(policy.accessTtl()).minus(policy.leeway()));
                    feed.purgeExpired(clock.instant());
                    database.purgeRateLimitBuckets();
                } catch (RuntimeException e) {
                    LOG.warn("purging expired tokens failed; will retry: {}", e.getMessage());
                }
            }, PURGE_INTERVAL.toSeconds(), PURGE_INTERVAL.toSeconds(), TimeUnit.SECONDS);
            return housekeeping;
        }
    }
}

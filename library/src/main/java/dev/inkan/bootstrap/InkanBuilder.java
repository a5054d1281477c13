package dev.inkan.bootstrap;

import dev.inkan.adapter.crypto.Argon2Parameters;
import dev.inkan.adapter.mail.MailSettings;
import dev.inkan.adapter.persistence.DatabaseSettings;
import dev.inkan.application.port.out.CustomClaims;
import dev.inkan.application.port.out.KeyRing;
import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.application.port.out.MailSender;
import dev.inkan.application.port.out.OneTimeTokenStore;
import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.application.port.out.RevocationFeed;
import dev.inkan.application.port.out.SecurityEventLog;
import dev.inkan.application.port.out.SessionStore;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.application.service.RefreshTokensService;
import dev.inkan.domain.PasswordPolicy;
import dev.inkan.domain.TokenPolicy;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.TokenRules;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * Assembles {@link Inkan} from explicit choices and, beneath them, the {@code INKAN_*}
 * configuration: each setting is what its own method said, else what the configuration says,
 * else the default, whatever the order of the calls. Nothing is checked against anything else
 * until {@link #build()}, whose errors say which choice is wrong.
 */
public final class InkanBuilder {

    private LibrarySettings configured;
    private DatabaseSettings databaseSettings;
    private DataSource dataSource;
    private Integer poolSize;
    private KeySource keys;
    private JwsAlgorithm algorithm;
    private CryptoProvider cryptoProvider;
    private MacAlgorithm macAlgorithm;
    private PasswordHasherChoice passwordHasherChoice;
    private Argon2Parameters argon2;
    private PasswordHasher passwordHasher;
    private Integer hashConcurrency;
    private Integer hashQueue;
    private String issuer;
    private String audience;
    private Duration accessTtl;
    private Duration refreshTtl;
    private Duration leeway;
    private Duration sessionMaxLifetime;
    private Duration refreshReuseGrace;
    private byte[] successorSecret;
    private Clock clock = Clock.systemUTC();
    private UserRepository users;
    private SessionStore sessions;
    private CustomClaims customClaims = CustomClaims.NONE;
    private RevocationFeed revocationFeed;
    private SecurityEventLog securityEventLog;
    private Duration eventRetention;
    private MailSender mailSender;
    private Path mailOutbox;
    private URI publicUrl;
    private OneTimeTokenStore oneTimeTokens;
    private Integer passwordMinLength;
    private Boolean requireVerifiedEmail;
    private byte[] keyEncryptionKey;
    private Duration keyPublishDelay;

    InkanBuilder() {
    }

    /**
     * Takes the choices that {@code INKAN_*} keys make, exactly as the server reads them from its
     * environment: algorithm, crypto provider, password hasher (the pure-Java one unless
     * {@code INKAN_PASSWORD_HASHER} says otherwise), lifetimes, issuer, audience, keys
     * ({@code INKAN_JWT_SECRET} or {@code INKAN_JWT_KEYS_FILE}), database ({@code INKAN_DB_URL}) and
     * mail ({@code INKAN_SMTP_*}, {@code INKAN_MAIL_*}, {@code INKAN_PUBLIC_URL}).
     * A choice made with its own method wins over the configuration, before or after this call.
     *
     * @throws ConfigException naming the key of a bad value
     */
    public InkanBuilder configuration(Map<String, String> settings) {
        return settings(LibrarySettings.from(ConfigSource.of(settings)));
    }

    /** The same as {@link #configuration(Map)}, from a {@link Properties} file's keys. */
    public InkanBuilder configuration(Properties properties) {
        Map<String, String> map = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return configuration(map);
    }

    /** The same as {@link #configuration(Map)}, already parsed (the server parses its configuration once). */
    public InkanBuilder settings(LibrarySettings settings) {
        this.configured = Objects.requireNonNull(settings, "settings");
        return this;
    }

    /** Stores in the database at {@code jdbcUrl} ({@code jdbc:h2:} or {@code jdbc:postgresql:}), in a pool Inkan opens. */
    public InkanBuilder jdbcUrl(String jdbcUrl, String user, String password) {
        this.databaseSettings = new DatabaseSettings(jdbcUrl, user, password, DatabaseSettings.DEFAULT_POOL_SIZE);
        this.dataSource = null;
        return this;
    }

    /** The size of the pool Inkan opens for its database (10 by default). */
    public InkanBuilder poolSize(int poolSize) {
        if (poolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection");
        }
        this.poolSize = poolSize;
        return this;
    }

    /** Stores in the application's own data source; Inkan migrates its tables there and never closes it. */
    public InkanBuilder dataSource(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.databaseSettings = null;
        return this;
    }

    /** Keys of the application's own (a secret manager's, say): the first signs, every one verifies. */
    public InkanBuilder keyRing(KeyRing keyRing) {
        this.keys = new KeySource.Ring(keyRing);
        return this;
    }

    /**
     * Keys from the text of a JWK Set of {@code oct} keys and key pairs ({@code OKP}, {@code EC}, with
     * their private member {@code d}), read once the algorithm is known: the first signs and must be
     * for it, every one verifies with its own {@code alg}.
     */
    public InkanBuilder jwkSet(String json) {
        this.keys = new KeySource.JwkSet(json, "jwkSet(…)");
        return this;
    }

    /** One key, as bytes; its id is its RFC 7638 thumbprint. */
    public InkanBuilder secret(byte[] key) {
        this.keys = new KeySource.Secret(key, "secret(…)");
        return this;
    }

    /** Keys from wherever {@code source} says. */
    public InkanBuilder keys(KeySource source) {
        this.keys = Objects.requireNonNull(source, "source");
        return this;
    }

    /**
     * HS256 (the default), HS384, HS512, EdDSA, Ed25519 or ES256: the algorithm of a bare secret, of
     * the signing (first) key of a JWK Set, and of its keys without an {@code alg}. With a public-key
     * algorithm the {@link #issuer issuer} must be an https URL (http on loopback).
     */
    public InkanBuilder algorithm(JwsAlgorithm algorithm) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        return this;
    }

    /** Who computes the HMACs and the signatures: the JDK (the default) or Bouncy Castle. */
    public InkanBuilder cryptoProvider(CryptoProvider provider) {
        this.cryptoProvider = Objects.requireNonNull(provider, "provider");
        return this;
    }

    /** An HMAC implementation of the application's own, for every key's algorithm; it wins over {@link #cryptoProvider}. */
    public InkanBuilder macAlgorithm(MacAlgorithm macAlgorithm) {
        this.macAlgorithm = Objects.requireNonNull(macAlgorithm, "macAlgorithm");
        return this;
    }

    /**
     * Argon2id in pure Java through Bouncy Castle (the library's default), or through argon2-jvm
     * (the server's default; needs {@code de.mkammerer:argon2-jvm}, LGPL-3.0 with native code).
     */
    public InkanBuilder passwordHasher(PasswordHasherChoice choice) {
        this.passwordHasherChoice = Objects.requireNonNull(choice, "choice");
        return this;
    }

    /** A password hasher of the application's own; it wins over {@link #passwordHasher(PasswordHasherChoice)}. */
    public InkanBuilder passwordHasher(PasswordHasher hasher) {
        this.passwordHasher = Objects.requireNonNull(hasher, "hasher");
        return this;
    }

    /** Argon2id costs; stronger ones rehash each password at its next login. */
    public InkanBuilder argon2(int memoryKiB, int iterations, int parallelism) {
        this.argon2 = new Argon2Parameters(memoryKiB, iterations, parallelism);
        return this;
    }

    /**
     * How many password hashes may run at once (default: one per core, and for the pure-Java
     * hasher no more than a quarter of the heap holds); more wait their turn, so a burst of
     * logins cannot hold the hash's memory cost many times over.
     */
    public InkanBuilder passwordHashConcurrency(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("at least one hash must be able to run");
        }
        this.hashConcurrency = maxConcurrent;
        return this;
    }

    /**
     * How many password hashes may wait for a turn (default: 8 per hashing thread); when the line
     * is full, login and registration are refused at once with {@code PasswordHashingBusyException}.
     */
    public InkanBuilder passwordHashQueue(int maxWaiting) {
        if (maxWaiting < 0) {
            throw new IllegalArgumentException("the number of hashes that may wait cannot be negative");
        }
        this.hashQueue = maxWaiting;
        return this;
    }

    /**
     * The {@code iss} claim issued and required, and published exactly so in the discovery documents
     * ({@code inkan} by default; with a public-key algorithm an https URL, or http on a loopback host).
     */
    public InkanBuilder issuer(String issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        return this;
    }

    /** The {@code aud} claim issued and required ({@code inkan} by default). */
    public InkanBuilder audience(String audience) {
        this.audience = Objects.requireNonNull(audience, "audience");
        return this;
    }

    /** How long access tokens live (15 minutes by default). */
    public InkanBuilder accessTtl(Duration accessTtl) {
        this.accessTtl = Objects.requireNonNull(accessTtl, "accessTtl");
        return this;
    }

    /** How long refresh tokens live (7 days by default); each refresh slides it forward. */
    public InkanBuilder refreshTtl(Duration refreshTtl) {
        this.refreshTtl = Objects.requireNonNull(refreshTtl, "refreshTtl");
        return this;
    }

    /** The clock skew forgiven when checking times (30 seconds by default). */
    public InkanBuilder leeway(Duration leeway) {
        this.leeway = Objects.requireNonNull(leeway, "leeway");
        return this;
    }

    /** How long a session lasts from its login however often it refreshes (30 days by default). */
    public InkanBuilder sessionMaxLifetime(Duration lifetime) {
        this.sessionMaxLifetime = Objects.requireNonNull(lifetime, "lifetime");
        return this;
    }

    /** How long after a rotation a retry gets the same successor (10 seconds; zero turns it off). */
    public InkanBuilder refreshReuseGrace(Duration grace) {
        this.refreshReuseGrace = Objects.requireNonNull(grace, "grace");
        return this;
    }

    /**
     * The secret from which the successor of a refresh token is derived (at least 32 bytes), the
     * same on every instance. By default Inkan makes one in its database; an application whose
     * stores are all its own gives one here.
     */
    public InkanBuilder successorSecret(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the successor secret needs at least 32 bytes");
        }
        this.successorSecret = secret.clone();
        return this;
    }

    /** The clock every rule reads (for tests and simulations). */
    public InkanBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Claims of the application's own in every access token, from the user: called at each login
     * and refresh, it returns a small map of names to strings, booleans, longs, {@code BigDecimal}s,
     * and lists and maps of them. The registered claim names and Inkan's own ({@code sid},
     * {@code rv}, {@code roles}, {@code email_verified}) are refused, and so is a token that would pass the 8 KiB limit,
     * when the token is issued: keep the claims small.
     */
    public InkanBuilder customClaims(CustomClaims claims) {
        this.customClaims = Objects.requireNonNull(claims, "claims");
        return this;
    }

    /** The application's own user table. */
    public InkanBuilder userRepository(UserRepository users) {
        this.users = Objects.requireNonNull(users, "users");
        return this;
    }

    /**
     * The application's own session store (sessions and their refresh tokens). It records and
     * delivers the revocations of the sessions it ends, so it comes with a revocation feed of the
     * application's own too.
     */
    public InkanBuilder sessionStore(SessionStore sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        return this;
    }

    /** The application's own revocation feed (how revocations reach every instance); it comes with a session store of its own. */
    public InkanBuilder revocationFeed(RevocationFeed revocationFeed) {
        this.revocationFeed = Objects.requireNonNull(revocationFeed, "revocationFeed");
        return this;
    }

    /**
     * The application's own security log: where the use cases record the events that change
     * nothing (a failed login), and what {@code events()} lists. The stores record the events of
     * their changes in their own transactions, so it comes with a user repository and a session
     * store of the application's own that write where this log reads.
     */
    public InkanBuilder securityEventLog(SecurityEventLog events) {
        this.securityEventLog = Objects.requireNonNull(events, "events");
        return this;
    }

    /** How long the security log keeps an event (90 days by default, a day at least); older ones are purged. */
    public InkanBuilder eventRetention(Duration retention) {
        this.eventRetention = LibrarySettings.requireRetention(retention);
        return this;
    }

    /**
     * The application's own store of one-time tokens (the links of password resets and address
     * verifications); it comes with a user store of the application's own, whose users it acts on.
     */
    public InkanBuilder oneTimeTokenStore(OneTimeTokenStore tokens) {
        this.oneTimeTokens = Objects.requireNonNull(tokens, "tokens");
        return this;
    }

    /**
     * Mail of the application's own: Inkan hands it every message of its account flows (address
     * verification, password reset, notices) and never closes it. It wins over {@link #mailOutbox}
     * and the SMTP configuration. It should return at once and cap what one recipient gets, as
     * {@link MailSender} says.
     */
    public InkanBuilder mailSender(MailSender sender) {
        this.mailSender = Objects.requireNonNull(sender, "sender");
        return this;
    }

    /**
     * Writes each message as an {@code .eml} file into {@code directory} (made owner-only) instead
     * of sending it: for local use, where no SMTP server is. It wins over {@code INKAN_SMTP_HOST}.
     * The links need {@link #publicUrl} (or {@code INKAN_PUBLIC_URL}).
     */
    public InkanBuilder mailOutbox(Path directory) {
        this.mailOutbox = Objects.requireNonNull(directory, "directory");
        return this;
    }

    /**
     * How many characters a new password needs at least (15 by default, NIST SP 800-63B-4's minimum
     * for a password alone; 8 to 64). Passwords set before keep working at login.
     */
    public InkanBuilder passwordMinLength(int minLength) {
        this.passwordMinLength = new PasswordPolicy(minLength).minLength();
        return this;
    }

    /**
     * The service's one public URL ({@code https://auth.example.com}), from which every link in a
     * message is made; never a request's {@code Host} header.
     *
     * @throws IllegalArgumentException unless it is an absolute http(s) URL without user info, query or fragment
     */
    public InkanBuilder publicUrl(URI url) {
        this.publicUrl = MailSettings.publicUrl(Objects.requireNonNull(url, "url").toString());
        return this;
    }

    /**
     * Whether an account must verify its address before it logs in (false by default); when it
     * must, registration answers alike for a new and a taken address.
     */
    public InkanBuilder requireVerifiedEmail(boolean required) {
        this.requireVerifiedEmail = required;
        return this;
    }

    /**
     * Keeps the signing keys in Inkan's database, their secrets encrypted with AES-256-GCM under
     * {@code keyEncryptionKey}, which is never stored there; as {@code INKAN_KEY_STORE=database} does.
     * On the first start with an empty table it stores the keys given by {@link #keys}, {@link #secret},
     * {@link #jwkSet} or {@link #keyRing} (so that nobody is logged out), or else a new key of the
     * {@link #algorithm}. The keys then rotate and retire while Inkan runs ({@link Inkan#keys()}).
     *
     * @param keyEncryptionKey 32 bytes, copied; keep it apart from the database (a secret manager)
     * @throws IllegalArgumentException when it is not 32 bytes long
     */
    public InkanBuilder keysInDatabase(byte[] keyEncryptionKey) {
        this.keyEncryptionKey = new KeyStoreSettings(Optional.of(keyEncryptionKey), "keysInDatabase(…)",
                KeyStoreSettings.DEFAULT_PUBLISH_DELAY).encryptionKey().orElseThrow();
        return this;
    }

    /**
     * How long a new key of the database's is published in the JWKS before it signs (10 minutes by
     * default); the JWKS may be cached for no longer.
     */
    public InkanBuilder keyPublishDelay(Duration delay) {
        if (Objects.requireNonNull(delay, "delay").isNegative()) {
            throw new IllegalArgumentException("the publish delay cannot be negative");
        }
        this.keyPublishDelay = delay;
        return this;
    }

    /**
     * Opens the database (migrating it) unless every store is the application's own, and
     * assembles the use cases.
     *
     * @throws IllegalStateException when something needed is missing (keys, a database), naming it
     * @throws IllegalArgumentException when a choice is invalid, naming the choice (a key too short
     *     for the algorithm, a lifetime out of range)
     */
    public Inkan build() {
        return Assembly.assemble(choices());
    }

    /** Every setting resolved: its own method's value, else the configuration's, else the default. */
    Choices choices() {
        Optional<LibrarySettings> config = Optional.ofNullable(configured);
        Optional<TokenSettings> tokens = config.map(LibrarySettings::tokens);
        JwsAlgorithm alg = first(algorithm, tokens.map(TokenSettings::algorithm), JwsAlgorithm.HS256);
        PasswordHasherChoice hasherChoice = first(passwordHasherChoice, config.map(c -> c.crypto().hasher()),
                PasswordHasherChoice.ARGON2_BC);
        Argon2Parameters costs = first(argon2, config.map(c -> c.crypto().argon2()), Argon2Parameters.OWASP_MINIMUM);
        int concurrency = first(hashConcurrency, config.map(c -> c.crypto().hashConcurrency()),
                CryptoSettings.defaultHashConcurrency(hasherChoice, costs));
        Optional<TokenRules> configuredRules = tokens.map(TokenSettings::rules);
        Optional<TokenPolicy> configuredPolicy = tokens.map(TokenSettings::policy);
        TokenRules rules;
        TokenPolicy policy;
        try {
            rules = new TokenRules(
                    first(issuer, configuredRules.map(TokenRules::issuer), TokenSettings.DEFAULT_ISSUER),
                    first(audience, configuredRules.map(TokenRules::audience), TokenSettings.DEFAULT_AUDIENCE),
                    first(leeway, configuredRules.map(TokenRules::leeway), TokenSettings.DEFAULT_LEEWAY));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("token rules (issuer, audience, leeway): " + e.getMessage(), e);
        }
        if (!alg.isHmac()) {
            IssuerUrl.problemAsIssuer(rules.issuer()).ifPresent(problem -> {
                throw new IllegalArgumentException(TokenSettings.issuerProblem(alg, rules.issuer(), problem));
            });
        }
        try {
            policy = new TokenPolicy(
                    first(accessTtl, configuredPolicy.map(TokenPolicy::accessTtl), TokenPolicy.DEFAULT_ACCESS_TTL),
                    first(refreshTtl, configuredPolicy.map(TokenPolicy::refreshTtl), TokenPolicy.DEFAULT_REFRESH_TTL),
                    first(sessionMaxLifetime, configuredPolicy.map(TokenPolicy::sessionMaxLifetime),
                            TokenPolicy.DEFAULT_SESSION_MAX_LIFETIME));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("token lifetimes (access, refresh, session): " + e.getMessage(), e);
        }
        return new Choices(
                Optional.ofNullable(keys).or(() -> config.flatMap(LibrarySettings::keys)),
                alg,
                Optional.ofNullable(macAlgorithm),
                first(cryptoProvider, config.map(c -> c.crypto().provider()), CryptoProvider.JCA),
                Optional.ofNullable(passwordHasher),
                hasherChoice,
                costs,
                concurrency,
                first(hashQueue, config.map(c -> c.crypto().hashQueue()), CryptoSettings.defaultHashQueue(concurrency)),
                rules,
                policy,
                first(refreshReuseGrace, tokens.map(TokenSettings::refreshReuseGrace), RefreshTokensService.DEFAULT_REUSE_GRACE),
                Optional.ofNullable(successorSecret).or(() -> tokens.flatMap(TokenSettings::successorSecret)),
                database(config),
                Optional.ofNullable(dataSource),
                clock,
                Optional.ofNullable(users),
                Optional.ofNullable(sessions),
                Optional.ofNullable(revocationFeed),
                Optional.ofNullable(securityEventLog),
                first(eventRetention, config.map(LibrarySettings::eventRetention), LibrarySettings.DEFAULT_EVENT_RETENTION),
                customClaims,
                Optional.ofNullable(mailSender),
                Optional.ofNullable(mailOutbox),
                mail(config),
                Optional.ofNullable(oneTimeTokens),
                accounts(config),
                keyStore(config));
    }

    /** The key store of {@link #keysInDatabase}, else the configuration's, with the publish delay of either. */
    private KeyStoreSettings keyStore(Optional<LibrarySettings> config) {
        KeyStoreSettings configured = config.map(LibrarySettings::keyStore).orElse(KeyStoreSettings.FILES);
        Duration delay = keyPublishDelay != null ? keyPublishDelay : configured.publishDelay();
        return keyEncryptionKey != null ? new KeyStoreSettings(Optional.of(keyEncryptionKey), "keysInDatabase(…)", delay)
                : new KeyStoreSettings(configured.encryptionKey(), configured.encryptionKeyOrigin(), delay);
    }

    /** The configuration's mail, with the public URL of {@link #publicUrl} if one was given. */
    private MailConfiguration mail(Optional<LibrarySettings> config) {
        MailConfiguration configured = config.map(LibrarySettings::mail).orElse(MailConfiguration.NONE);
        return publicUrl == null ? configured : new MailConfiguration(configured.smtp(), configured.from(),
                Optional.of(publicUrl), configured.perRecipientPerHour());
    }

    private AccountSettings accounts(Optional<LibrarySettings> config) {
        Optional<AccountSettings> configured = config.map(LibrarySettings::accounts);
        AccountSettings defaults = AccountSettings.defaults();
        return new AccountSettings(
                new PasswordPolicy(first(passwordMinLength, configured.map(a -> a.passwordPolicy().minLength()),
                        defaults.passwordPolicy().minLength())),
                first(requireVerifiedEmail, configured.map(AccountSettings::requireVerifiedEmail), defaults.requireVerifiedEmail()));
    }

    private Optional<DatabaseSettings> database(Optional<LibrarySettings> config) {
        if (dataSource != null) {
            return Optional.empty();
        }
        Optional<DatabaseSettings> chosen = Optional.ofNullable(databaseSettings).or(() -> config.flatMap(LibrarySettings::database));
        return chosen.map(settings -> poolSize == null ? settings
                : new DatabaseSettings(settings.jdbcUrl(), settings.user(), settings.password(), poolSize));
    }

    private static <T> T first(T explicit, Optional<T> configured, T fallback) {
        return explicit != null ? explicit : configured.orElse(fallback);
    }
}

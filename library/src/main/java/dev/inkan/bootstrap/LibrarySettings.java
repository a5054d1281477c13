package dev.inkan.bootstrap;

import dev.inkan.adapter.persistence.DatabaseSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the {@code INKAN_*} configuration says about Inkan as a library, parsed and checked
 * once: the tokens, the crypto choices, mail, the accounts' rules, and, when they are configured, the
 * database and the keys.
 *
 * @param database the database {@code INKAN_DB_URL} names, if it names one
 * @param keys the keys {@code INKAN_JWT_SECRET} or {@code INKAN_JWT_KEYS_FILE} name, if either does
 * @param eventRetention how long the security log keeps an event ({@code INKAN_EVENT_RETENTION}),
 *     at least {@link #MIN_EVENT_RETENTION}
 * @param mail the SMTP server, sender, public URL and hourly limit of {@code INKAN_SMTP_*}, {@code INKAN_MAIL_*}
 *     and {@code INKAN_PUBLIC_URL}
 * @param accounts the password policy and the verified-address rule of {@code INKAN_PASSWORD_MIN_LENGTH} and
 *     {@code INKAN_REQUIRE_VERIFIED_EMAIL}
 * @param keyStore where the signing keys are kept ({@code INKAN_KEY_STORE}, the key-encryption key of
 *     {@code INKAN_KEY_ENCRYPTION_KEY} or {@code INKAN_KEY_ENCRYPTION_KEY_FILE}) and {@code INKAN_KEY_PUBLISH_DELAY}
 */
public record LibrarySettings(TokenSettings tokens, CryptoSettings crypto, Optional<DatabaseSettings> database,
                              Optional<KeySource> keys, Duration eventRetention, MailConfiguration mail,
                              AccountSettings accounts, KeyStoreSettings keyStore) {

    /** How long security events are kept when nothing else is configured: 90 days. */
    public static final Duration DEFAULT_EVENT_RETENTION = Duration.ofDays(90);
    /** The shortest retention: a day, so that a user can still read what happened to their account yesterday. */
    public static final Duration MIN_EVENT_RETENTION = Duration.ofDays(1);

    /** @throws IllegalArgumentException when the retention is shorter than {@link #MIN_EVENT_RETENTION} */
    public LibrarySettings {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(crypto, "crypto");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(keys, "keys");
        requireRetention(eventRetention);
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(keyStore, "keyStore");
    }

    /** Settings whose signing keys come from the file sources, as before they could be kept in the database. */
    public LibrarySettings(TokenSettings tokens, CryptoSettings crypto, Optional<DatabaseSettings> database,
                           Optional<KeySource> keys, Duration eventRetention, MailConfiguration mail, AccountSettings accounts) {
        this(tokens, crypto, database, keys, eventRetention, mail, accounts, KeyStoreSettings.FILES);
    }

    /** Settings without mail configuration or accounts' rules of their own, as before either was configurable. */
    public LibrarySettings(TokenSettings tokens, CryptoSettings crypto, Optional<DatabaseSettings> database,
                           Optional<KeySource> keys, Duration eventRetention) {
        this(tokens, crypto, database, keys, eventRetention, MailConfiguration.NONE, AccountSettings.defaults());
    }

    /** @throws IllegalArgumentException when {@code retention} is shorter than {@link #MIN_EVENT_RETENTION} */
    static Duration requireRetention(Duration retention) {
        if (Objects.requireNonNull(retention, "eventRetention").compareTo(MIN_EVENT_RETENTION) < 0) {
            throw new IllegalArgumentException("the security log keeps events for at least " + MIN_EVENT_RETENTION
                    + ", not " + retention);
        }
        return retention;
    }

    /**
     * Reads the library's settings, with the pure-Java Argon2id hasher unless {@code INKAN_PASSWORD_HASHER} says otherwise.
     *
     * @throws ConfigException naming the first variable that is bad
     */
    public static LibrarySettings from(ConfigSource config) {
        return from(config, PasswordHasherChoice.ARGON2_BC);
    }

    /**
     * @param defaultHasher the hasher when {@code INKAN_PASSWORD_HASHER} is not set
     * @throws ConfigException naming the first variable that is bad
     */
    public static LibrarySettings from(ConfigSource config, PasswordHasherChoice defaultHasher) {
        return new LibrarySettings(TokenSettings.from(config), CryptoSettings.from(config, defaultHasher),
                config.optional("INKAN_DB_URL").map(url -> database(config, url)), KeyRingLoader.configured(config),
                eventRetention(config), MailConfiguration.from(config), AccountSettings.from(config), KeyStoreSettings.from(config));
    }

    /** @throws ConfigException naming {@code INKAN_EVENT_RETENTION} when it is not a duration of a day or more */
    private static Duration eventRetention(ConfigSource config) {
        Duration retention = config.duration("INKAN_EVENT_RETENTION", DEFAULT_EVENT_RETENTION);
        if (retention.compareTo(MIN_EVENT_RETENTION) < 0) {
            throw new ConfigException("INKAN_EVENT_RETENTION must be at least " + MIN_EVENT_RETENTION + " (a day), not '"
                    + config.optional("INKAN_EVENT_RETENTION").orElse("") + "'");
        }
        return retention;
    }

    /**
     * @return the database at {@code url}, with {@code INKAN_DB_USER}, {@code INKAN_DB_PASSWORD} and {@code INKAN_DB_POOL_SIZE}
     * @throws ConfigException naming the variable of a bad value
     */
    public static DatabaseSettings database(ConfigSource config, String url) {
        try {
            return new DatabaseSettings(url, config.string("INKAN_DB_USER", ""), config.string("INKAN_DB_PASSWORD", ""),
                    config.integer("INKAN_DB_POOL_SIZE", DatabaseSettings.DEFAULT_POOL_SIZE, 1, 200));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("INKAN_DB_URL: " + e.getMessage());
        }
    }
}

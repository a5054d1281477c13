package dev.inkan.bootstrap;

import dev.inkan.adapter.persistence.DatabaseSettings;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the {@code INKAN_*} configuration says about Inkan as a library, parsed and checked
 * once: the tokens, the crypto choices, the accounts' rules, and, when they are configured, the
 * database and the keys.
 *
 * @param database the database {@code INKAN_DB_URL} names, if it names one
 * @param keys the keys {@code INKAN_JWT_SECRET} or {@code INKAN_JWT_KEYS_FILE} name, if either does
 */
public record LibrarySettings(TokenSettings tokens, CryptoSettings crypto, Optional<DatabaseSettings> database,
                              Optional<KeySource> keys, AccountSettings accounts) {

    public LibrarySettings {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(crypto, "crypto");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(accounts, "accounts");
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
                AccountSettings.from(config));
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

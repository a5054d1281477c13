package dev.inkan.bootstrap;

import dev.inkan.adapter.persistence.DatabaseSettings;
import dev.inkan.adapter.web.WebSettings;
import java.util.Objects;

/** All of Inkan's typed configuration, parsed and checked before anything starts. */
public record InkanSettings(ServerSettings server, TokenSettings tokens, CryptoSettings crypto, DatabaseSettings database,
                            WebSettings web) {

    public InkanSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(crypto, "crypto");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(web, "web");
    }

    /** @throws ConfigException naming the first variable that is bad */
    public static InkanSettings from(ConfigSource config) {
        ServerSettings server = ServerSettings.from(config);
        // WRITE_DELAY=0: every commit reaches the file before it is acknowledged, so kill -9 loses nothing answered.
        String defaultUrl = "jdbc:h2:file:" + server.dataDir().resolve("inkan") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        DatabaseSettings database;
        try {
            database = new DatabaseSettings(
                    config.string("INKAN_DB_URL", defaultUrl),
                    config.string("INKAN_DB_USER", ""),
                    config.string("INKAN_DB_PASSWORD", ""),
                    config.integer("INKAN_DB_POOL_SIZE", 10, 1, 200));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("INKAN_DB_URL: " + e.getMessage());
        }
        CryptoSettings crypto = CryptoSettings.from(config);
        return new InkanSettings(server, TokenSettings.from(config), crypto, database, EdgeSettings.from(config, crypto));
    }
}

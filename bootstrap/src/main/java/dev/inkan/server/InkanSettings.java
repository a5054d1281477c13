package dev.inkan.server;

import dev.inkan.adapter.persistence.DatabaseSettings;
import dev.inkan.adapter.web.WebSettings;
import dev.inkan.bootstrap.ConfigException;
import dev.inkan.bootstrap.ConfigSource;
import dev.inkan.bootstrap.LibrarySettings;
import dev.inkan.bootstrap.PasswordHasherChoice;
import java.util.Objects;

/**
 * All of the server's typed configuration, parsed and checked once, before anything starts: where
 * it listens, what Inkan the library is made of (with the native Argon2id hasher unless
 * {@code INKAN_PASSWORD_HASHER} says otherwise), the database (an H2 file in the data folder unless
 * {@code INKAN_DB_URL} names another), and the HTTP edge.
 */
public record InkanSettings(ServerSettings server, LibrarySettings library, DatabaseSettings database, WebSettings web) {

    public InkanSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(library, "library");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(web, "web");
    }

    /** H2's own page cache, and the most the embedded database is given: 16 MB. */
    static final int H2_CACHE_KB_MOST = 16 * 1024;
    private static final int H2_CACHE_KB_LEAST = 1024;

    /** @throws ConfigException naming the first variable that is bad */
    public static InkanSettings from(ConfigSource config) {
        ServerSettings server = ServerSettings.from(config);
        LibrarySettings library = LibrarySettings.from(config, PasswordHasherChoice.ARGON2_NATIVE);
        // WRITE_DELAY=0: every commit reaches the file before it is acknowledged, so kill -9 loses nothing answered.
        String embedded = "jdbc:h2:file:" + server.dataDir().resolve("inkan") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"
                + ";CACHE_SIZE=" + h2CacheKb(Runtime.getRuntime().maxMemory());
        DatabaseSettings database = library.database().orElseGet(() -> LibrarySettings.database(config, embedded));
        return new InkanSettings(server, library, database,
                EdgeSettings.from(config, library.crypto(), library.tokens(), library.mail().publicUrl()));
    }

    /**
     * The embedded database's page cache for a heap of {@code maxHeapBytes}: a sixteenth of it, from
     * 1 MB up to H2's own 16 MB. The cache lives in the heap, and H2's 16 MB beside the 64 MB heap the
     * README runs the server in kept the collector busy under refreshes (45% of the server's CPU,
     * 2,100 refreshes a second; with 4 MB, 2,900).
     */
    static int h2CacheKb(long maxHeapBytes) {
        return (int) Math.max(H2_CACHE_KB_LEAST, Math.min(H2_CACHE_KB_MOST, maxHeapBytes / 16 / 1024));
    }
}

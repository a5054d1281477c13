package dev.inkan.server;

import dev.inkan.adapter.crypto.SecureRandomSource;
import dev.inkan.adapter.persistence.DatabaseSettings;
import dev.inkan.adapter.web.InkanHttpServer;
import dev.inkan.bootstrap.ConfigException;
import dev.inkan.bootstrap.ConfigSource;
import dev.inkan.bootstrap.Inkan;
import dev.inkan.bootstrap.KeySource;
import java.io.IOException;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running Inkan server: configuration in, the use cases assembled by {@link Inkan}, HTTP out, and
 * the metrics on a management listener of their own.
 */
public final class InkanApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InkanApplication.class);

    private final Inkan inkan;
    private final InkanHttpServer server;

    private InkanApplication(Inkan inkan, InkanHttpServer server) {
        this.inkan = inkan;
        this.server = server;
    }

    /**
     * Parses {@code config}, opens the database (migrating it), and starts the HTTP API.
     *
     * @throws ConfigException naming the variable when a setting is bad
     */
    public static InkanApplication start(ConfigSource config) {
        InkanSettings settings = InkanSettings.from(config);
        Inkan inkan = open(settings);
        try {
            InkanHttpServer server = startServer(inkan, settings);
            LOG.info("Inkan listening on {}:{} (database: {}, {} with {}, passwords: {}, issuer: {})",
                    settings.server().host(), server.port(), settings.database().kind(), settings.library().tokens().algorithm(),
                    settings.library().crypto().provider(), settings.library().crypto().hasher(),
                    settings.library().tokens().rules().issuer());
            settings.server().management().ifPresent(management -> LOG.info("Inkan management listening on {}:{} (GET /metrics)",
                    management.host(), server.managementPort().orElseThrow()));
            return new InkanApplication(inkan, server);
        } catch (RuntimeException e) {
            inkan.close();
            throw e;
        }
    }

    /**
     * Opens Inkan as the server runs it, without the HTTP API: the data folder, the keys (generated
     * there on first use), the database (migrated). The command line works on this too.
     *
     * @throws ConfigException naming the variable when a setting is bad
     */
    static Inkan open(InkanSettings settings) {
        try {
            DataDirectory.create(settings.server().dataDir());
        } catch (IOException e) {
            throw new ConfigException("INKAN_DATA_DIR: cannot create " + settings.server().dataDir() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        KeySource keys = settings.library().keys()
                .orElseGet(() -> GeneratedKey.in(settings.server().dataDir(), new SecureRandomSource(),
                        settings.library().tokens().algorithm()));
        DatabaseSettings database = settings.database();
        try {
            return Inkan.builder()
                    .settings(settings.library())
                    .keys(keys)
                    .jdbcUrl(database.jdbcUrl(), database.user(), database.password())
                    .poolSize(database.maximumPoolSize())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static InkanHttpServer startServer(Inkan inkan, InkanSettings settings) {
        try {
            return InkanHttpServer.start(inkan.webUseCases(), settings.web(), inkan.rateLimitBuckets(), settings.server().host(),
                    settings.server().port(), settings.server().management());
        } catch (IllegalStateException e) {
            throw new ConfigException("INKAN_MANAGEMENT_PORT / INKAN_MANAGEMENT_HOST: " + e.getMessage()
                    + "; choose another port, 0 for any free one, or off");
        }
    }

    /** @return the port the HTTP API listens on */
    public int port() {
        return server.port();
    }

    /** @return the port the management listener ({@code GET /metrics}) listens on, unless it is off */
    public OptionalInt managementPort() {
        return server.managementPort();
    }

    /** Stops the HTTP API and the management listener, then the housekeeping and the database pool. */
    @Override
    public void close() {
        server.close();
        inkan.close();
    }
}

package dev.inkan.server;

import dev.inkan.adapter.crypto.SecureRandomSource;
import dev.inkan.adapter.persistence.DatabaseSettings;
import dev.inkan.adapter.web.InkanHttpServer;
import dev.inkan.bootstrap.ConfigException;
import dev.inkan.bootstrap.ConfigSource;
import dev.inkan.bootstrap.Inkan;
import dev.inkan.bootstrap.InkanBuilder;
import dev.inkan.bootstrap.KeySource;
import dev.inkan.bootstrap.MailConfiguration;
import dev.inkan.token.JwsAlgorithm;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running Inkan server: configuration in, the use cases assembled by {@link Inkan}, HTTP out, and
 * the metrics on a management listener of their own. Its mail goes to the SMTP server configured,
 * or else into the outbox folder of its data folder.
 */
public final class InkanApplication implements AutoCloseable {

    /** The folder in the data folder that takes the messages when no SMTP server is configured. */
    static final String OUTBOX = "outbox";

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
        return start(config, builder -> { });
    }

    /**
     * As {@link #start(ConfigSource)}, with the builder adjusted before Inkan is built: the seam
     * through which tests give a mail sender or a clock of their own.
     */
    static InkanApplication start(ConfigSource config, Consumer<InkanBuilder> adjust) {
        InkanSettings settings = InkanSettings.from(config);
        Inkan inkan = open(settings, adjust);
        try {
            InkanHttpServer server = startServer(inkan, settings);
            LOG.info("Inkan listening on {}:{} (database: {}, {} with {}, passwords: {}, issuer: {})",
                    settings.server().host(), server.port(), settings.database().kind(), settings.library().tokens().algorithm(),
                    settings.library().crypto().provider(), settings.library().crypto().hasher(),
                    settings.library().tokens().rules().issuer());
            settings.server().management().ifPresent(management -> LOG.info("Inkan management listening on {}:{} (GET /metrics)",
                    management.host(), server.managementPort().orElseThrow()));
            settings.library().mail().smtp().ifPresentOrElse(
                    smtp -> LOG.info("Inkan mail goes to the SMTP server {}:{} ({})", smtp.host(), smtp.port(), smtp.tls()),
                    () -> LOG.warn("Mail is not being delivered: INKAN_SMTP_HOST is not set, so each message is written to {}"
                            + " instead, one .eml file each (any mail program opens one). Set INKAN_SMTP_HOST,"
                            + " INKAN_MAIL_FROM and INKAN_PUBLIC_URL to send mail.", outbox(settings)));
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
        return open(settings, builder -> { });
    }

    private static Inkan open(InkanSettings settings, Consumer<InkanBuilder> adjust) {
        try {
            DataDirectory.create(settings.server().dataDir());
        } catch (IOException e) {
            throw new ConfigException("INKAN_DATA_DIR: cannot create " + settings.server().dataDir() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
        DatabaseSettings database = settings.database();
        InkanBuilder builder = Inkan.builder()
                .settings(settings.library())
                .jdbcUrl(database.jdbcUrl(), database.user(), database.password())
                .poolSize(database.maximumPoolSize());
        keys(settings).ifPresent(builder::keys);
        MailConfiguration mail = settings.library().mail();
        if (mail.smtp().isEmpty()) {
            Path outbox = outbox(settings);
            try {
                DataDirectory.create(outbox);
            } catch (IOException e) {
                throw new ConfigException("INKAN_DATA_DIR: cannot create the mail outbox " + outbox + " ("
                        + e.getClass().getSimpleName() + ")");
            }
            // without INKAN_PUBLIC_URL, the links of local mail point at this server as its own machine reaches it
            builder.mailOutbox(outbox)
                    .publicUrl(mail.publicUrl().orElseGet(() -> URI.create("http://localhost:" + settings.server().port())));
        }
        try {
            adjust.accept(builder);
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /**
     * The keys configured, else those generated in the data folder: made there on first use when the
     * keys come from the files; with the keys in the database only those made before, for the first
     * start to store there (without any, the database makes its own).
     */
    private static Optional<KeySource> keys(InkanSettings settings) {
        Optional<KeySource> configured = settings.library().keys();
        if (configured.isPresent()) {
            return configured;
        }
        Path dataDir = settings.server().dataDir();
        JwsAlgorithm algorithm = settings.library().tokens().algorithm();
        return settings.library().keyStore().inDatabase() ? GeneratedKey.before(dataDir, new SecureRandomSource(), algorithm)
                : Optional.of(GeneratedKey.in(dataDir, new SecureRandomSource(), algorithm));
    }

    private static Path outbox(InkanSettings settings) {
        return settings.server().dataDir().resolve(OUTBOX);
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

    /** Stops the HTTP API and the management listener, then the mail thread, the housekeeping and the database pool. */
    @Override
    public void close() {
        server.close();
        inkan.close();
    }
}

package dev.inkan.server;

import dev.inkan.adapter.web.ManagementListener;
import dev.inkan.bootstrap.ConfigException;
import dev.inkan.bootstrap.ConfigSource;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Typed server configuration: where to listen, where the management listener ({@code GET /metrics})
 * listens if anywhere, and where local data (the H2 file, a generated key) lives.
 */
public record ServerSettings(String host, int port, Path dataDir, Optional<ManagementListener> management) {

    /** The management port unless {@code INKAN_MANAGEMENT_PORT} says otherwise. */
    static final int DEFAULT_MANAGEMENT_PORT = 9090;

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(management, "management");
    }

    static ServerSettings from(ConfigSource config) {
        int port = config.integer("INKAN_PORT", 8080, 0, 65535);
        return new ServerSettings(
                config.string("INKAN_HOST", "0.0.0.0"),
                port,
                Path.of(config.string("INKAN_DATA_DIR", "data")).toAbsolutePath().normalize(),
                management(config, port));
    }

    /**
     * {@code INKAN_MANAGEMENT_PORT}: a port, 0 for any free one, or {@code off}; the listener binds to
     * {@code INKAN_MANAGEMENT_HOST}, loopback by default.
     */
    private static Optional<ManagementListener> management(ConfigSource config, int apiPort) {
        String text = config.string("INKAN_MANAGEMENT_PORT", Integer.toString(DEFAULT_MANAGEMENT_PORT));
        if (text.toLowerCase(Locale.ROOT).equals("off")) {
            return Optional.empty();
        }
        int port = text.matches("[0-9]{1,5}") ? Integer.parseInt(text) : -1;
        if (port < 0 || port > 65535) {
            throw new ConfigException("INKAN_MANAGEMENT_PORT must be a port from 0 to 65535 (0: any free one) or off, not '"
                    + text + "'");
        }
        if (port != 0 && port == apiPort) {
            throw new ConfigException("INKAN_MANAGEMENT_PORT must differ from INKAN_PORT (both are " + port
                    + "): the metrics are kept off the API's port");
        }
        return Optional.of(new ManagementListener(config.string("INKAN_MANAGEMENT_HOST", ManagementListener.LOOPBACK), port));
    }
}

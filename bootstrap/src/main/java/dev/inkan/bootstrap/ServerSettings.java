package dev.inkan.bootstrap;

import java.nio.file.Path;
import java.util.Objects;

/** Typed server configuration: where to listen and where local data (the H2 file, a generated key) lives. */
public record ServerSettings(String host, int port, Path dataDir) {

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(dataDir, "dataDir");
    }

    static ServerSettings from(ConfigSource config) {
        return new ServerSettings(
                config.string("INKAN_HOST", "0.0.0.0"),
                config.integer("INKAN_PORT", 8080, 0, 65535),
                Path.of(config.string("INKAN_DATA_DIR", "data")).toAbsolutePath().normalize());
    }
}

package dev.inkan.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.bootstrap.ConfigSource;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InkanSettingsTest {

    private static final long MB = 1024 * 1024;

    @Test
    void theEmbeddedDatabasesCache_isASixteenthOfTheHeap_upToH2sOwn() {
        assertThat(InkanSettings.h2CacheKb(64 * MB)).isEqualTo(4 * 1024);
        assertThat(InkanSettings.h2CacheKb(128 * MB)).isEqualTo(8 * 1024);
        assertThat(InkanSettings.h2CacheKb(8 * 1024 * MB)).isEqualTo(InkanSettings.H2_CACHE_KB_MOST);
        assertThat(InkanSettings.h2CacheKb(4 * MB)).isEqualTo(1024);
    }

    @Test
    void theEmbeddedDatabase_keepsItsDurability_andTakesTheCache(@TempDir Path data) {
        InkanSettings settings = InkanSettings.from(ConfigSource.of(Map.of("INKAN_DATA_DIR", data.toString())));

        assertThat(settings.database().jdbcUrl())
                .startsWith("jdbc:h2:file:" + data.resolve("inkan"))
                .contains(";WRITE_DELAY=0")
                .contains(";CACHE_SIZE=" + InkanSettings.h2CacheKb(Runtime.getRuntime().maxMemory()));
    }
}

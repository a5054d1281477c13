package dev.inkan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * INKAN_KEY_STORE, the key-encryption key and INKAN_KEY_PUBLISH_DELAY as the configuration gives them:
 * each mistake stops start-up with a message naming the variables at fault, never showing the key.
 */
class KeyStoreSettingsTest {

    @TempDir
    Path dir;

    private final byte[] kek = TestKeys.randomKey(32);

    @Test
    void byDefault_theKeysComeFromTheFiles_andANewKeyIsPublishedTenMinutesBeforeItSigns() {
        KeyStoreSettings settings = LibrarySettings.from(ConfigSource.of(Map.of())).keyStore();

        assertThat(settings.inDatabase()).isFalse();
        assertThat(settings.publishDelay()).isEqualTo(Duration.ofMinutes(10));
        assertThat(LibrarySettings.from(ConfigSource.of(Map.of("INKAN_KEY_STORE", "file",
                "INKAN_KEY_ENCRYPTION_KEY", "ignored without the database"))).keyStore().inDatabase()).isFalse();
    }

    @Test
    void theDatabase_takesTheKeyEncryptionKey_fromTheVariable_orFromAFileWithItsTrailingNewline() throws Exception {
        KeyStoreSettings inline = settings(Map.of("INKAN_KEY_STORE", "database", "INKAN_KEY_ENCRYPTION_KEY", TestKeys.b64(kek)));
        Path file = dir.resolve("kek");
        Files.writeString(file, TestKeys.b64(kek) + "\n");
        KeyStoreSettings fromFile = settings(Map.of("INKAN_KEY_STORE", "DATABASE", "INKAN_KEY_ENCRYPTION_KEY_FILE", file.toString(),
                "INKAN_KEY_PUBLISH_DELAY", "PT2S"));

        assertThat(inline.encryptionKey()).hasValue(kek);
        assertThat(inline.encryptionKeyOrigin()).isEqualTo("INKAN_KEY_ENCRYPTION_KEY");
        assertThat(fromFile.encryptionKey()).hasValue(kek);
        assertThat(fromFile.encryptionKeyOrigin()).isEqualTo("INKAN_KEY_ENCRYPTION_KEY_FILE");
        assertThat(fromFile.publishDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(inline.toString() + fromFile).doesNotContain(TestKeys.b64(kek));
    }

    @Test
    void theDatabaseWithoutAKeyEncryptionKey_orWithBoth_stopsStartUp_namingBothVariables() throws Exception {
        Path file = dir.resolve("kek");
        Files.writeString(file, TestKeys.b64(kek));
        for (Map<String, String> wrong : new Map[] {Map.of("INKAN_KEY_STORE", "database"),
            Map.of("INKAN_KEY_STORE", "database", "INKAN_KEY_ENCRYPTION_KEY", TestKeys.b64(kek), "INKAN_KEY_ENCRYPTION_KEY_FILE",
                    file.toString())}) {
            assertThatThrownBy(() -> settings(wrong)).as(wrong.keySet().toString()).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("INKAN_KEY_ENCRYPTION_KEY and INKAN_KEY_ENCRYPTION_KEY_FILE")
                    .hasMessageContaining("INKAN_KEY_STORE=database")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TestKeys.b64(kek)));
        }
    }

    @Test
    void aKeyEncryptionKeyThatIsNot32BytesOfBase64Url_stopsStartUp_namingItsVariable_withoutShowingIt() throws Exception {
        Map<String, String> bad = new HashMap<>();
        bad.put("short", TestKeys.b64(TestKeys.randomKey(16)));
        bad.put("long", TestKeys.b64(TestKeys.randomKey(33)));
        bad.put("padded", java.util.Base64.getUrlEncoder().encodeToString(kek));
        bad.put("standard base64", java.util.Base64.getEncoder().withoutPadding().encodeToString(new byte[] {-5, -1, -2}) + "x"
                + TestKeys.b64(kek).substring(5));
        bad.forEach((what, text) -> {
            assertThatThrownBy(() -> settings(Map.of("INKAN_KEY_STORE", "database", "INKAN_KEY_ENCRYPTION_KEY", text))).as(what)
                    .isInstanceOf(ConfigException.class).hasMessageStartingWith("INKAN_KEY_ENCRYPTION_KEY must be the unpadded base64url")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(text));
        });
        Path file = dir.resolve("short");
        Files.writeString(file, TestKeys.b64(TestKeys.randomKey(31)) + "\n");
        assertThatThrownBy(() -> settings(Map.of("INKAN_KEY_STORE", "database", "INKAN_KEY_ENCRYPTION_KEY_FILE", file.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("INKAN_KEY_ENCRYPTION_KEY_FILE").hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> settings(Map.of("INKAN_KEY_STORE", "database", "INKAN_KEY_ENCRYPTION_KEY_FILE",
                dir.resolve("absent").toString()))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_KEY_ENCRYPTION_KEY_FILE: cannot read");
    }

    @Test
    void anUnknownStore_orABadPublishDelay_stopsStartUp_namingTheVariable() {
        assertThatThrownBy(() -> settings(Map.of("INKAN_KEY_STORE", "vault"))).isInstanceOf(ConfigException.class)
                .hasMessage("INKAN_KEY_STORE must be one of file, database, not 'vault'");
        for (String bad : new String[] {"ten minutes", "-PT1M"}) {
            assertThatThrownBy(() -> settings(Map.of("INKAN_KEY_PUBLISH_DELAY", bad))).as(bad).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("INKAN_KEY_PUBLISH_DELAY");
        }
    }

    private static KeyStoreSettings settings(Map<String, String> config) {
        return LibrarySettings.from(ConfigSource.of(config)).keyStore();
    }
}

package dev.inkan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.adapter.crypto.Argon2Parameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The library's reading of the {@code INKAN_*} configuration. */
class LibrarySettingsTest {

    @Test
    void theLibrary_hashesInPureJava_unlessTold_whileTheServerChoosesTheNativeHasher() {
        assertThat(LibrarySettings.from(ConfigSource.of(Map.of())).crypto().hasher()).isEqualTo(PasswordHasherChoice.ARGON2_BC);
        assertThat(LibrarySettings.from(ConfigSource.of(Map.of()), PasswordHasherChoice.ARGON2_NATIVE).crypto().hasher())
                .isEqualTo(PasswordHasherChoice.ARGON2_NATIVE);
        assertThat(LibrarySettings.from(ConfigSource.of(Map.of("INKAN_PASSWORD_HASHER", "argon2-native"))).crypto().hasher())
                .isEqualTo(PasswordHasherChoice.ARGON2_NATIVE);
    }

    @Test
    void theDatabaseAndTheKeys_areThereOnlyWhenConfigured() {
        LibrarySettings none = LibrarySettings.from(ConfigSource.of(Map.of()));
        assertThat(none.database()).isEmpty();
        assertThat(none.keys()).isEmpty();

        LibrarySettings some = LibrarySettings.from(ConfigSource.of(Map.of("INKAN_DB_URL", "jdbc:h2:mem:x",
                "INKAN_DB_POOL_SIZE", "3", "INKAN_JWT_SECRET", TestKeys.b64(TestKeys.randomKey(32)))));
        assertThat(some.database()).hasValueSatisfying(database -> assertThat(database.maximumPoolSize()).isEqualTo(3));
        assertThat(some.keys()).hasValueSatisfying(keys -> assertThat(keys).isInstanceOf(KeySource.Secret.class));
    }

    @Test
    void bothKindsOfKey_orAKeyThatIsNotBase64Url_stopItNamingTheVariable() {
        assertThatThrownBy(() -> LibrarySettings.from(ConfigSource.of(Map.of("INKAN_JWT_SECRET", "c2VjcmV0",
                "INKAN_JWT_KEYS_FILE", "/nowhere")))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_JWT_SECRET").hasMessageContaining("INKAN_JWT_KEYS_FILE");
        assertThatThrownBy(() -> LibrarySettings.from(ConfigSource.of(Map.of("INKAN_JWT_SECRET", "not base64url!"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("INKAN_JWT_SECRET");
        assertThatThrownBy(() -> LibrarySettings.from(ConfigSource.of(Map.of("INKAN_JWT_KEYS_FILE", "/no/such/file"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("INKAN_JWT_KEYS_FILE");
    }

    @Test
    void theEventRetention_isNinetyDaysByDefault_anIsoDuration_andADayAtLeast_elseItStopsNamingTheVariable() {
        assertThat(LibrarySettings.from(ConfigSource.of(Map.of())).eventRetention()).isEqualTo(java.time.Duration.ofDays(90));
        assertThat(LibrarySettings.from(ConfigSource.of(Map.of("INKAN_EVENT_RETENTION", "P30D"))).eventRetention())
                .isEqualTo(java.time.Duration.ofDays(30));
        assertThat(LibrarySettings.from(ConfigSource.of(Map.of("INKAN_EVENT_RETENTION", "PT24H"))).eventRetention())
                .isEqualTo(java.time.Duration.ofDays(1));
        for (String bad : new String[] {"PT23H", "P0D", "-P5D", "90 days", "P1Y"}) {
            assertThatThrownBy(() -> LibrarySettings.from(ConfigSource.of(Map.of("INKAN_EVENT_RETENTION", bad))))
                    .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("INKAN_EVENT_RETENTION");
        }
    }

    @Test
    void passwordHashesAtOnce_defaultToOnePerCore_andForThePureJavaHasher_toWhatAQuarterOfTheHeapHolds() {
        Argon2Parameters owasp = Argon2Parameters.OWASP_MINIMUM; // 19 MiB a hash
        long mib = 1024 * 1024;

        assertThat(CryptoSettings.defaultHashConcurrency(PasswordHasherChoice.ARGON2_NATIVE, owasp, 8, 64 * mib)).isEqualTo(8);
        assertThat(CryptoSettings.defaultHashConcurrency(PasswordHasherChoice.ARGON2_BC, owasp, 8, 64 * mib)).isEqualTo(1);
        assertThat(CryptoSettings.defaultHashConcurrency(PasswordHasherChoice.ARGON2_BC, owasp, 8, 256 * mib)).isEqualTo(3);
        assertThat(CryptoSettings.defaultHashConcurrency(PasswordHasherChoice.ARGON2_BC, owasp, 8, 6144 * mib)).isEqualTo(8);
    }

    @Test
    void thePasswordPolicy_defaultsTo15Characters_andABadMinimum_stopsItNamingTheVariable() {
        AccountSettings defaults = LibrarySettings.from(ConfigSource.of(Map.of())).accounts();
        assertThat(defaults.passwordPolicy().minLength()).isEqualTo(15);
        assertThat(defaults.requireVerifiedEmail()).isFalse();

        AccountSettings set = LibrarySettings.from(ConfigSource.of(Map.of("INKAN_PASSWORD_MIN_LENGTH", "8",
                "INKAN_REQUIRE_VERIFIED_EMAIL", "true"))).accounts();
        assertThat(set.passwordPolicy().minLength()).isEqualTo(8);
        assertThat(set.requireVerifiedEmail()).isTrue();

        for (String bad : new String[] {"7", "65", "fifteen"}) {
            assertThatThrownBy(() -> LibrarySettings.from(ConfigSource.of(Map.of("INKAN_PASSWORD_MIN_LENGTH", bad))))
                    .isInstanceOf(ConfigException.class).hasMessageContaining("INKAN_PASSWORD_MIN_LENGTH");
        }
        assertThatThrownBy(() -> LibrarySettings.from(ConfigSource.of(Map.of("INKAN_REQUIRE_VERIFIED_EMAIL", "yes"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("INKAN_REQUIRE_VERIFIED_EMAIL");
    }
}

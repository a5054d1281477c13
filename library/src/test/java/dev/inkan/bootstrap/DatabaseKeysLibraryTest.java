package dev.inkan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.inkan.adapter.crypto.JwkThumbprint;
import dev.inkan.application.port.in.KeySummary;
import dev.inkan.application.port.in.LoginCommand;
import dev.inkan.application.port.in.PublicKeys;
import dev.inkan.application.port.in.RegisterCommand;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.KeyState;
import dev.inkan.token.JwsAlgorithm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Keys in the database, for an application that embeds Inkan: the keys it used before are stored on
 * the first start, so its users stay logged in; they rotate and retire while it runs; a wrong
 * key-encryption key stops it, naming the key.
 */
class DatabaseKeysLibraryTest {

    private static final String PASSWORD = "correct horse battery";

    private final String jdbcUrl = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final byte[] secret = TestKeys.randomKey(32);
    private final byte[] kek = TestKeys.randomKey(32);

    @Test
    void switchingToTheDatabase_keepsTheTokensOfTheSecret_andRotatingAndRetiringWorkWithoutARestart() {
        String before;
        try (Inkan files = Inkan.builder().jdbcUrl(jdbcUrl, "", "").secret(secret).build()) {
            assertThat(files.keys()).as("keys from a secret cannot be rotated by Inkan").isEmpty();
            assertThat(files.publicKeys().publicKeys().cacheLifetime()).isEqualTo(Duration.ofMinutes(5));
            files.register().register(RegisterCommand.of("ann@example.com", PASSWORD));
            before = files.login().login(LoginCommand.of("ann@example.com", PASSWORD)).accessToken();
        }

        try (Inkan inkan = Inkan.builder().jdbcUrl(jdbcUrl, "", "").secret(secret).keysInDatabase(kek)
                .keyPublishDelay(Duration.ZERO).build()) {
            String old = JwkThumbprint.ofOctetKey(secret);
            assertThat(inkan.verify().verify(before).tokenId()).as("a token of the secret's").isNotBlank();
            assertThat(inkan.keys().orElseThrow().list()).extracting(KeySummary::keyId, KeySummary::state)
                    .containsExactly(tuple(old, KeyState.SIGNING));

            String rotated = inkan.keys().orElseThrow().rotate(Optional.empty()).added().keyId();

            String after = inkan.login().login(LoginCommand.of("ann@example.com", PASSWORD)).accessToken();
            assertThat(kidOf(after)).as("the delay is zero: the new key signs at once").isEqualTo(rotated);
            assertThat(inkan.verify().verify(before)).as("the old key verifies on").isNotNull();

            inkan.keys().orElseThrow().retire(old);

            assertThatThrownBy(() -> inkan.verify().verify(before)).isInstanceOf(InvalidTokenException.class);
            assertThat(inkan.verify().verify(after)).isNotNull();
        }
    }

    @Test
    void anEmptyDatabase_withNoKeysGiven_makesAKeyOfTheAlgorithm_andPublishesIt_cacheableForNoLongerThanTheDelay() {
        try (Inkan inkan = Inkan.builder().jdbcUrl(jdbcUrl, "", "").keysInDatabase(kek).algorithm(JwsAlgorithm.EdDSA)
                .issuer("https://auth.example.com").keyPublishDelay(Duration.ofSeconds(90)).build()) {
            List<KeySummary> keys = inkan.keys().orElseThrow().list();
            PublicKeys published = inkan.publicKeys().publicKeys();

            assertThat(keys).singleElement().satisfies(key -> {
                assertThat(key.algorithm()).isEqualTo(JwsAlgorithm.EdDSA);
                assertThat(key.state()).isEqualTo(KeyState.SIGNING);
            });
            assertThat(published.keys()).extracting(key -> key.keyId()).containsExactly(keys.get(0).keyId());
            assertThat(published.cacheLifetime()).isEqualTo(Duration.ofSeconds(90));
        }
    }

    @Test
    void aWrongKeyEncryptionKey_stopsTheStart_namingWhereItCameFromAndTheKey_withoutShowingAKey() {
        try (Inkan inkan = Inkan.builder().jdbcUrl(jdbcUrl, "", "").secret(secret).keysInDatabase(kek).build()) {
            assertThat(inkan.keys()).isPresent();
        }
        byte[] wrong = TestKeys.randomKey(32);

        assertThatThrownBy(() -> Inkan.builder().jdbcUrl(jdbcUrl, "", "").keysInDatabase(wrong).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("keysInDatabase(…)")
                .hasMessageContaining("'" + JwkThumbprint.ofOctetKey(secret) + "'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TestKeys.b64(wrong)).doesNotContain(TestKeys.b64(kek))
                        .doesNotContain(TestKeys.b64(secret)));
        assertThatThrownBy(() -> Inkan.builder().keysInDatabase(TestKeys.randomKey(16)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }

    private static String kidOf(String token) {
        String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        return header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
    }
}

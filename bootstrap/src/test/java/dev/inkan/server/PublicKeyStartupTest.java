package dev.inkan.server;

import static dev.inkan.server.CommandRun.withConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.bootstrap.ConfigException;
import dev.inkan.bootstrap.ConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Start-up with a public-key algorithm, as an operator sees it: the issuer it needs, and errors that name their variables. */
class PublicKeyStartupTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ES512", "Ed448", "RS256", "PS256", "EdDSA25519", "none"})
    void anAlgorithmInkanDoesNotHave_stopsStartUp_namingTheVariable(String alg) {
        Map<String, String> env = env("EdDSA");
        env.put("INKAN_JWT_ALG", alg);

        assertThatThrownBy(() -> InkanSettings.from(ConfigSource.of(env))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_JWT_ALG").hasMessageContaining("EdDSA, Ed25519, ES256");
    }

    @ParameterizedTest
    @CsvSource({"eddsa, EdDSA", "ED25519, Ed25519", "es256, ES256", "EdDSA, EdDSA"})
    void theAlgorithm_isReadInAnyCase(String configured, String algorithm) {
        Map<String, String> env = env("EdDSA");
        env.put("INKAN_JWT_ALG", configured);

        assertThat(InkanSettings.from(ConfigSource.of(env)).library().tokens().algorithm().jwsName()).isEqualTo(algorithm);
    }

    @ParameterizedTest
    @CsvSource({
        "INKAN_ISSUER, ''",
        "INKAN_ISSUER, http://auth.example.com",
        "INKAN_ISSUER, inkan",
        "INKAN_ISSUER, https://auth.example.com/?tenant=1",
        "INKAN_ISSUER, https://auth.example.com/#top",
        "INKAN_ISSUER, ftp://auth.example.com",
        "INKAN_ISSUER, http://10.0.0.5:8080",
        "INKAN_ISSUER, http://localhost.example.com",
        "INKAN_PUBLIC_URL, http://auth.example.com"
    })
    void withAKeyPair_anIssuerThatIsNoHttpsUrl_stopsStartUp_namingBothVariables(String variable, String value) {
        Map<String, String> env = env("EdDSA");
        env.remove("INKAN_ISSUER");
        if (!value.isEmpty()) {
            env.put(variable, value);
        }

        assertThatThrownBy(() -> InkanSettings.from(ConfigSource.of(env))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_ISSUER").hasMessageContaining("INKAN_PUBLIC_URL").hasMessageContaining("INKAN_JWT_ALG");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://auth.example.com", "https://auth.example.com/tenant/", "http://localhost:8080",
        "http://127.0.0.1", "http://127.1.2.3:9000/auth", "http://[::1]:8080", "HTTPS://Auth.Example.com"})
    void withAKeyPair_anHttpsIssuer_orHttpOnLoopback_isTaken_exactlyAsConfigured(String issuer) {
        Map<String, String> env = env("ES256");
        env.put("INKAN_ISSUER", issuer);

        assertThat(InkanSettings.from(ConfigSource.of(env)).library().tokens().rules().issuer()).isEqualTo(issuer);
    }

    @Test
    void theIssuer_defaultsToThePublicUrl_butInkanIssuerWins_andWithNeitherAnHmacServerKeepsInkan() {
        Map<String, String> env = env("EdDSA");
        env.remove("INKAN_ISSUER");
        env.put("INKAN_PUBLIC_URL", "https://auth.example.com");
        assertThat(InkanSettings.from(ConfigSource.of(env)).library().tokens().rules().issuer()).isEqualTo("https://auth.example.com");

        env.put("INKAN_ISSUER", "https://issuer.example.com");
        assertThat(InkanSettings.from(ConfigSource.of(env)).library().tokens().rules().issuer()).isEqualTo("https://issuer.example.com");

        assertThat(InkanSettings.from(ConfigSource.of(Map.of())).library().tokens().rules().issuer()).isEqualTo("inkan");
        assertThat(InkanSettings.from(ConfigSource.of(Map.of("INKAN_ISSUER", "anything"))).library().tokens().rules().issuer())
                .as("an HMAC server's issuer may be any text, as before").isEqualTo("anything");
    }

    @ParameterizedTest
    @ValueSource(strings = {"auth.example.com", "ftp://auth.example.com", "https://auth.example.com/?x=1", "https://a.example/#f",
        "https://user@auth.example.com", "https://", "not a url"})
    void aPublicUrlThatIsNoAbsoluteHttpUrl_stopsStartUp_namingIt_whateverTheAlgorithm(String url) {
        assertThatThrownBy(() -> InkanSettings.from(ConfigSource.of(Map.of("INKAN_PUBLIC_URL", url))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("INKAN_PUBLIC_URL");
    }

    @Test
    void aBareSecret_cannotBeAKeyPair_andStopsStartUp_namingBothVariables() {
        Map<String, String> env = env("EdDSA");
        env.put("INKAN_JWT_SECRET", TestTokens.b64(TestTokens.randomKey(32)));

        assertThatThrownBy(() -> InkanApplication.start(ConfigSource.of(env))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_JWT_SECRET").hasMessageContaining("INKAN_JWT_ALG")
                .hasMessageContaining("INKAN_JWT_KEYS_FILE");
    }

    @Test
    void aKeysFileWhoseFirstKeyIsForAnotherAlgorithm_stopsStartUp_namingTheFileAndTheAlgorithm() throws Exception {
        Path keys = dir.resolve("keys.json");
        Files.writeString(keys, generated("EdDSA"));
        Map<String, String> env = env("ES256");
        env.put("INKAN_JWT_KEYS_FILE", keys.toString());

        assertThatThrownBy(() -> InkanApplication.start(ConfigSource.of(env))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_JWT_KEYS_FILE").hasMessageContaining("INKAN_JWT_ALG").hasMessageContaining("is for EdDSA");
    }

    @Test
    void aKeyPairWithoutAlg_ofAnotherTypeThanTheAlgorithm_stopsStartUp_namingTheFile() throws Exception {
        Path keys = dir.resolve("keys.json");
        Files.writeString(keys, generated("EdDSA").replace("\"alg\":\"EdDSA\",", ""));
        Map<String, String> env = env("ES256");
        env.put("INKAN_JWT_KEYS_FILE", keys.toString());

        assertThatThrownBy(() -> InkanApplication.start(ConfigSource.of(env))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_JWT_KEYS_FILE").hasMessageContaining("kty OKP").hasMessageContaining("ES256");
    }

    @Test
    void aKeyPairWhosePrivateKeyIsAnothers_stopsStartUp_namingTheFileAndTheKey_withoutShowingEitherPrivateKey() throws Exception {
        JsonNode one = HttpJson.JSON.readTree(generated("ES256")).get("keys").get(0);
        JsonNode two = HttpJson.JSON.readTree(generated("ES256")).get("keys").get(0);
        String mixed = "{\"keys\":[" + one.toString().replace(one.get("d").asText(), two.get("d").asText()) + "]}";
        Path keys = dir.resolve("keys.json");
        Files.writeString(keys, mixed);
        Map<String, String> env = env("ES256");
        env.put("INKAN_JWT_KEYS_FILE", keys.toString());

        assertThatThrownBy(() -> InkanApplication.start(ConfigSource.of(env))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("INKAN_JWT_KEYS_FILE").hasMessageContaining(one.get("kid").asText())
                .hasMessageContaining("belong together")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(one.get("d").asText()).doesNotContain(two.get("d").asText()));
    }

    private static String generated(String alg) {
        CommandRun run = withConfig(() -> ConfigSource.of(Map.of()), "", "keys", "generate", "--alg", alg);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run.out();
    }

    private Map<String, String> env(String algorithm) {
        Map<String, String> env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", "off");
        env.put("INKAN_DATA_DIR", dir.resolve("data").toString());
        env.put("INKAN_JWT_ALG", algorithm);
        env.put("INKAN_ISSUER", "http://localhost:8080");
        return env;
    }
}

package dev.inkan.server;

import static dev.inkan.server.CommandRun.withConfig;
import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.adapter.crypto.JwkThumbprint;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.bootstrap.ConfigException;
import dev.inkan.bootstrap.ConfigSource;
import dev.inkan.token.JwsAlgorithm;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code keys generate}: a JWK Set that the server takes as {@code INKAN_JWT_KEYS_FILE}, and signs with. */
class KeysGenerateTest {

    /** The command reads no configuration and opens no database. */
    private static final Supplier<ConfigSource> NO_CONFIG = () -> {
        throw new AssertionError("read the configuration");
    };

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"HS256", "HS384", "HS512"})
    void theJwkSet_holdsOneFreshKeyOfTheAlgorithmsLength_andInkanStartsWithIt_andSignsWithIt(JwsAlgorithm algorithm) throws Exception {
        CommandRun generated = withConfig(NO_CONFIG, "", "keys", "generate", "--alg", algorithm.jwsName());

        assertThat(generated.exitCode()).as(generated.toString()).isZero();
        assertThat(generated.err()).isEmpty();
        JsonNode keys = HttpJson.JSON.readTree(generated.out()).get("keys");
        assertThat(keys).hasSize(1);
        JsonNode key = keys.get(0);
        assertThat(key.get("kty").asText()).isEqualTo("oct");
        assertThat(key.get("alg").asText()).isEqualTo(algorithm.jwsName());
        String k = key.get("k").asText();
        assertThat(k).doesNotContain("=").doesNotContain("+").doesNotContain("/");
        byte[] secret = Base64.getUrlDecoder().decode(k);
        assertThat(secret).hasSize(algorithm.macLength());
        String kid = key.get("kid").asText();
        assertThat(kid).isNotBlank();

        Path file = dir.resolve("jwks.json");
        Files.writeString(file, generated.out());
        try (InkanApplication app = InkanApplication.start(ConfigSource.of(server(file, algorithm.jwsName())))) {
            HttpJson http = new HttpJson(app.port());
            assertThat(http.post("/auth/register", credentials("ann@example.com", "correct horse battery")).statusCode()).isEqualTo(201);
            String token = body(http.post("/auth/login", credentials("ann@example.com", "correct horse battery"))).get("access_token").asText();

            String[] parts = token.split("\\.");
            JsonNode header = HttpJson.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            assertThat(header.get("kid").asText()).isEqualTo(kid);
            assertThat(header.get("alg").asText()).isEqualTo(algorithm.jwsName());
            assertThat(parts[2]).as("signed with the generated key")
                    .isEqualTo(TestTokens.b64(TestTokens.hmac(algorithm.jwsName(), secret,
                            (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII))));
            assertThat(http.get("/auth/verify", token).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void withoutAlg_theKeyIsForHS256() throws Exception {
        CommandRun generated = withConfig(NO_CONFIG, "", "keys", "generate");

        JsonNode key = HttpJson.JSON.readTree(generated.out()).get("keys").get(0);
        assertThat(key.get("alg").asText()).isEqualTo("HS256");
        assertThat(Base64.getUrlDecoder().decode(key.get("k").asText())).hasSize(32);
        assertThat(generated.out()).endsWith("}]}\n");
    }

    @Test
    void theOutput_isExactlyTheJwkSetOfTheRandomBytes_withTheirThumbprintAsKeyId() {
        byte[] bytes = new byte[48];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        RandomSource fixed = new RandomSource() {
            @Override
            public byte[] bytes(int count) {
                assertThat(count).isEqualTo(48);
                return bytes.clone();
            }

            @Override
            public UUID uuid() {
                throw new AssertionError("a key needs no UUID");
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Terminal terminal = Terminal.of(InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        int exitCode = OperatorCommands.run(List.of("keys", "generate", "--alg", "HS384"), terminal, NO_CONFIG, fixed);

        assertThat(exitCode).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"keys\":[{\"kty\":\"oct\",\"kid\":\"" + JwkThumbprint.ofOctetKey(bytes)
                + "\",\"alg\":\"HS384\",\"use\":\"sig\",\"k\":\"" + TestTokens.b64(bytes) + "\"}]}\n");
    }

    @Test
    void twoRuns_giveTwoDifferentKeys_withDifferentIds() throws Exception {
        JsonNode first = HttpJson.JSON.readTree(withConfig(NO_CONFIG, "", "keys", "generate").out()).get("keys").get(0);
        JsonNode second = HttpJson.JSON.readTree(withConfig(NO_CONFIG, "", "keys", "generate").out()).get("keys").get(0);

        assertThat(second.get("k").asText()).isNotEqualTo(first.get("k").asText());
        assertThat(second.get("kid").asText()).isNotEqualTo(first.get("kid").asText());
    }

    @Test
    void theAlgorithmIsReadInAnyCase() throws Exception {
        CommandRun generated = withConfig(NO_CONFIG, "", "keys", "generate", "--alg=hs384");

        assertThat(HttpJson.JSON.readTree(generated.out()).get("keys").get(0).get("alg").asText()).isEqualTo("HS384");
    }

    /** Why the help says to set INKAN_JWT_ALG to the key's alg: the server refuses a key for another algorithm, naming both. */
    @Test
    void aKeyForAnotherAlgorithmThanInkanJwtAlg_isRefusedAtStartUp() throws Exception {
        Path file = dir.resolve("jwks.json");
        Files.writeString(file, withConfig(NO_CONFIG, "", "keys", "generate", "--alg", "HS512").out());

        assertThatThrownBy(() -> InkanApplication.start(ConfigSource.of(server(file, "HS256"))).close())
                .isInstanceOf(ConfigException.class).hasMessageContaining("is for HS512").hasMessageContaining("INKAN_JWT_ALG");
    }

    private Map<String, String> server(Path keysFile, String algorithm) {
        Map<String, String> env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", "off");
        env.put("INKAN_DATA_DIR", dir.resolve("data").toString());
        env.put("INKAN_JWT_KEYS_FILE", keysFile.toString());
        env.put("INKAN_JWT_ALG", algorithm);
        return env;
    }

    @ParameterizedTest
    @EnumSource(value = JwsAlgorithm.class, names = {"EdDSA", "Ed25519", "ES256"})
    void aKeyPair_isAJwkWithItsPrivateMember_namedByItsPublicKeysThumbprint_andInkanSignsWithIt(JwsAlgorithm algorithm)
            throws Exception {
        CommandRun generated = withConfig(NO_CONFIG, "", "keys", "generate", "--alg", algorithm.jwsName().toLowerCase(java.util.Locale.ROOT));

        assertThat(generated.exitCode()).as(generated.toString()).isZero();
        JsonNode key = HttpJson.JSON.readTree(generated.out()).get("keys").get(0);
        boolean ec = algorithm == JwsAlgorithm.ES256;
        assertThat(key.get("kty").asText()).isEqualTo(ec ? "EC" : "OKP");
        assertThat(key.get("crv").asText()).isEqualTo(ec ? "P-256" : "Ed25519");
        assertThat(key.get("alg").asText()).isEqualTo(algorithm.jwsName());
        assertThat(key.get("use").asText()).isEqualTo("sig");
        assertThat(Base64.getUrlDecoder().decode(key.get("d").asText())).hasSize(32);
        assertThat(key.has("y")).isEqualTo(ec);
        String canonical = "{\"crv\":\"" + key.get("crv").asText() + "\",\"kty\":\"" + key.get("kty").asText() + "\",\"x\":\""
                + key.get("x").asText() + "\"" + (ec ? ",\"y\":\"" + key.get("y").asText() + "\"" : "") + "}";
        assertThat(key.get("kid").asText()).isEqualTo(TestTokens.b64(java.security.MessageDigest.getInstance("SHA-256")
                .digest(canonical.getBytes(StandardCharsets.UTF_8))));

        Path file = dir.resolve("jwks.json");
        Files.writeString(file, generated.out());
        Map<String, String> env = server(file, algorithm.jwsName());
        env.put("INKAN_ISSUER", "http://localhost");
        try (InkanApplication app = InkanApplication.start(ConfigSource.of(env))) {
            HttpJson http = new HttpJson(app.port());
            http.post("/auth/register", credentials("ann@example.com", "correct horse battery"));
            String token = body(http.post("/auth/login", credentials("ann@example.com", "correct horse battery"))).get("access_token").asText();

            assertThat(TestTokens.header(token).get("kid").asText()).isEqualTo(key.get("kid").asText());
            assertThat(TestTokens.verifiesWithJwk(key, token)).as("signed with the generated pair").isTrue();
            JsonNode published = body(http.get("/.well-known/jwks.json", null)).get("keys").get(0);
            assertThat(published.get("x").asText()).isEqualTo(key.get("x").asText());
            assertThat(published.has("d")).isFalse();
        }
    }

    /** With RFC 8037 A.1's private key as the random bytes, the output is RFC 8037's key, A.3's thumbprint its kid. */
    @Test
    void anEdDsaPair_ofKnownRandomBytes_isTheRfc8037ExampleKey() {
        byte[] d = Base64.getUrlDecoder().decode("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A");
        RandomSource fixed = new RandomSource() {
            @Override
            public byte[] bytes(int count) {
                assertThat(count).isEqualTo(32);
                return d.clone();
            }

            @Override
            public UUID uuid() {
                throw new AssertionError("a key needs no UUID");
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Terminal terminal = Terminal.of(InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

        assertThat(OperatorCommands.run(List.of("keys", "generate", "--alg", "EdDSA"), terminal, NO_CONFIG, fixed)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\","
                + "\"kid\":\"kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k\",\"alg\":\"EdDSA\",\"use\":\"sig\","
                + "\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\",\"d\":\"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\"}]}\n");
    }

    @Test
    void anAlgorithmInkanDoesNotHave_isAUsageError() {
        CommandRun run = withConfig(NO_CONFIG, "", "keys", "generate", "--alg", "RS256");

        assertThat(run.exitCode()).isEqualTo(CommandFailure.USAGE);
        assertThat(run.err()).contains("--alg must be HS256, HS384, HS512, EdDSA, Ed25519 or ES256");
        assertThat(run.out()).isEmpty();
    }
}

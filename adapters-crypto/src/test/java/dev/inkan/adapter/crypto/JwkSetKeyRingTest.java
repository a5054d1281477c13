package dev.inkan.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.application.port.out.KeyRing;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JWK Sets and bare secrets as key rings, and the small crypto helpers beside them. */
class JwkSetKeyRingTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Test
    void aBareKey_isNamedByItsRfc7638Thumbprint() throws Exception {
        byte[] key = MacAlgorithmContract.TestBase64.random(32);
        String expectedKid = B64.encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(("{\"k\":\"" + B64.encodeToString(key) + "\",\"kty\":\"oct\"}").getBytes(StandardCharsets.UTF_8)));

        assertThat(JwkThumbprint.ofOctetKey(key)).isEqualTo(expectedKid);
    }

    @Test
    void aJwkSet_keepsItsOrder_soTheFirstKeySigns() {
        byte[] first = MacAlgorithmContract.TestBase64.random(32);
        byte[] second = MacAlgorithmContract.TestBase64.random(40);

        KeyRing ring = JwkSetKeyRing.parse("{\"keys\":[" + jwk("new", first, ",\"alg\":\"HS256\",\"use\":\"sig\"") + ","
                + jwk("old", second, "") + "],\"extra\":{\"ignored\":true}}", JwsAlgorithm.HS256, "keys.json");

        assertThat(ring.keys()).containsExactly(new SigningKey("new", JwsAlgorithm.HS256, first),
                new SigningKey("old", JwsAlgorithm.HS256, second));
    }

    @Test
    void aKeyWithAnAlg_isForThatAlgorithm_andOneWithout_forTheDefault() {
        byte[] key = MacAlgorithmContract.TestBase64.random(64);

        KeyRing ring = JwkSetKeyRing.parse("{\"keys\":[" + jwk("a", key, ",\"alg\":\"HS512\"") + "," + jwk("b", key, "") + "]}",
                JwsAlgorithm.HS384, "keys.json");

        assertThat(ring.keys()).extracting(SigningKey::algorithm).containsExactly(JwsAlgorithm.HS512, JwsAlgorithm.HS384);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json", "{}", "{\"keys\":{}}", "[]",
        "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"a\",\"k\":\"KEY32\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"k\":\"KEY32\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"KEY32=\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"KEY16\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"KEY32\",\"alg\":\"none\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"KEY32\",\"alg\":\"RS256\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"a\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"KEY32\",\"use\":\"enc\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"KEY32\",\"kid\":\"b\"}]}"
    })
    void aBadJwkSet_isRefused_namingTheSource_neverShowingKeyBytes(String template) {
        String key32 = B64.encodeToString(MacAlgorithmContract.TestBase64.random(32));
        String key16 = B64.encodeToString(MacAlgorithmContract.TestBase64.random(16));
        String json = template.replace("KEY32", key32).replace("KEY16", key16);

        assertThatThrownBy(() -> JwkSetKeyRing.parse(json, JwsAlgorithm.HS256, "INKAN_JWT_KEYS_FILE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("INKAN_JWT_KEYS_FILE")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key32).doesNotContain(key16));
    }

    @Test
    void sha256TokenHasher_matchesTheKnownDigest_andRandomUuidsAreVersion4() {
        assertThat(new Sha256TokenHasher().hash("abc").hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        SecureRandomSource random = new SecureRandomSource();
        for (int i = 0; i < 100; i++) {
            java.util.UUID uuid = random.uuid();
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
        }
        assertThat(random.bytes(32)).hasSize(32).isNotEqualTo(random.bytes(32));
    }

    private static String jwk(String kid, byte[] key, String extra) {
        return "{\"kty\":\"oct\",\"kid\":\"" + kid + "\",\"k\":\"" + B64.encodeToString(key) + "\"" + extra + "}";
    }
}

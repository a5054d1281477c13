package dev.inkan.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.application.port.out.KeyRing;
import dev.inkan.domain.JwsAlgorithm;
import dev.inkan.domain.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KeyRingsTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Test
    void aBareSecret_becomesOneKey_namedByItsRfc7638Thumbprint() throws Exception {
        byte[] key = MacAlgorithmContract.TestBase64.random(32);
        String expectedKid = B64.encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(("{\"k\":\"" + B64.encodeToString(key) + "\",\"kty\":\"oct\"}").getBytes(StandardCharsets.UTF_8)));

        KeyRing ring = KeyRings.fromBase64UrlSecret(B64.encodeToString(key), JwsAlgorithm.HS256);

        assertThat(ring.keys()).containsExactly(new SigningKey(expectedKid, key));
        assertThat(JwkThumbprint.ofOctetKey(key)).isEqualTo(expectedKid);
        assertThat(ring.toString()).doesNotContain(B64.encodeToString(key));
    }

    @Test
    void aSecretThatIsPaddedOrNotBase64UrlOrShort_isRefused_namingTheVariable_withoutShowingIt() {
        String padded = Base64.getUrlEncoder().encodeToString(MacAlgorithmContract.TestBase64.random(32));
        String standard = Base64.getEncoder().withoutPadding().encodeToString(MacAlgorithmContract.TestBase64.random(60)) + "+/";
        String shortKey = B64.encodeToString(MacAlgorithmContract.TestBase64.random(31));

        for (String secret : List.of(padded, standard, shortKey)) {
            assertThatThrownBy(() -> KeyRings.fromBase64UrlSecret(secret, JwsAlgorithm.HS256))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("INKAN_JWT_SECRET")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
        }
        assertThatThrownBy(() -> KeyRings.fromBase64UrlSecret(B64.encodeToString(MacAlgorithmContract.TestBase64.random(48)),
                JwsAlgorithm.HS512)).hasMessageContaining("64");
    }

    @Test
    void aJwkSet_keepsItsOrder_soTheFirstKeySigns() {
        byte[] first = MacAlgorithmContract.TestBase64.random(32);
        byte[] second = MacAlgorithmContract.TestBase64.random(40);

        KeyRing ring = JwkSetKeyRing.parse("{\"keys\":[" + jwk("new", first, ",\"alg\":\"HS256\",\"use\":\"sig\"") + ","
                + jwk("old", second, "") + "],\"extra\":{\"ignored\":true}}", JwsAlgorithm.HS256, "keys.json");

        assertThat(ring.keys()).containsExactly(new SigningKey("new", first), new SigningKey("old", second));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json", "{}", "{\"keys\":[]}", "{\"keys\":{}}", "[]",
        "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"a\",\"k\":\"KEY32\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"k\":\"KEY32\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"KEY32\"},{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"KEY32\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"KEY32=\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"KEY16\"}]}",
        "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"KEY32\",\"alg\":\"HS512\"}]}",
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
    void aStaticRing_refusesNoKeys_andTwoKeysWithOneId() {
        SigningKey key = new SigningKey("a", MacAlgorithmContract.TestBase64.random(32));

        assertThatThrownBy(() -> new StaticKeyRing(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StaticKeyRing(List.of(key, key))).isInstanceOf(IllegalArgumentException.class);
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

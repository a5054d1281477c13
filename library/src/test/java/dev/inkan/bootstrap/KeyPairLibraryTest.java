package dev.inkan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.adapter.crypto.KeyPairs;
import dev.inkan.adapter.crypto.SecureRandomSource;
import dev.inkan.application.port.in.IssuedTokens;
import dev.inkan.application.port.in.LoginCommand;
import dev.inkan.application.port.in.PublicKeys;
import dev.inkan.application.port.in.RegisterCommand;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.SigningKey;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Inkan as a library with key pairs: the builder's issuer rule, and the public keys it publishes. */
class KeyPairLibraryTest {

    @Test
    void aKeyRingWithAPair_signsWithIt_andPublishesItsPublicHalf_underTheIssuer() {
        SigningKey pair = KeyPairs.generate(JwsAlgorithm.ES256, new SecureRandomSource());
        SigningKey old = new SigningKey("old", JwsAlgorithm.HS256, TestKeys.randomKey(32));

        try (Inkan inkan = Inkan.builder().jdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "")
                .keyRing(() -> List.of(pair, old)).algorithm(JwsAlgorithm.ES256).issuer("https://auth.example.com")
                .cryptoProvider(CryptoProvider.BOUNCYCASTLE).build()) {
            inkan.register().register(RegisterCommand.of("ann@example.com", "correct horse battery"));
            IssuedTokens tokens = inkan.login().login(LoginCommand.of("ann@example.com", "correct horse battery"));
            String header = new String(Base64.getUrlDecoder().decode(tokens.accessToken().split("\\.")[0]));

            assertThat(header).isEqualTo("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"" + pair.keyId() + "\"}");
            assertThat(inkan.verify().verify(tokens.accessToken()).issuer()).isEqualTo("https://auth.example.com");
            PublicKeys published = inkan.publicKeys().publicKeys();
            assertThat(published.issuer()).isEqualTo("https://auth.example.com");
            assertThat(published.keys()).containsExactly(pair.publicKey().orElseThrow());
        }
    }

    @Test
    void withAPublicKeyAlgorithm_anIssuerThatIsNoHttpsUrl_stopsBuild_namingEveryWayToSetIt() {
        SigningKey pair = KeyPairs.generate(JwsAlgorithm.EdDSA, new SecureRandomSource());
        String database = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

        for (String issuer : List.of("inkan", "http://auth.example.com", "https://auth.example.com?x=1")) {
            assertThatThrownBy(() -> Inkan.builder().jdbcUrl(database, "", "").keyRing(() -> List.of(pair))
                    .algorithm(JwsAlgorithm.EdDSA).issuer(issuer).build())
                    .as(issuer).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("issuer(…)").hasMessageContaining("INKAN_ISSUER").hasMessageContaining("INKAN_PUBLIC_URL");
        }
        assertThatThrownBy(() -> Inkan.builder().jdbcUrl(database, "", "").keyRing(() -> List.of(pair)).algorithm(JwsAlgorithm.EdDSA)
                .build()).as("the default issuer").isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'inkan'");
    }

    @Test
    void aJwkSetOfAPair_fromTheConfiguration_needsTheAlgorithmOfItsFirstKey() {
        String pairSet = "{\"keys\":[" + jwk(KeyPairs.generate(JwsAlgorithm.EdDSA, new SecureRandomSource())) + "]}";
        String database = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

        assertThatThrownBy(() -> Inkan.builder().jdbcUrl(database, "", "").jwkSet(pairSet).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jwkSet(…)").hasMessageContaining("is for EdDSA")
                .hasMessageContaining("HS256");
        try (Inkan inkan = Inkan.builder().jdbcUrl(database, "", "").jwkSet(pairSet).algorithm(JwsAlgorithm.EdDSA)
                .issuer("http://localhost:8080").build()) {
            assertThat(inkan.publicKeys().publicKeys().keys()).hasSize(1);
        }
    }

    private static String jwk(SigningKey key) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"kid\":\"" + key.keyId() + "\",\"alg\":\"EdDSA\",\"x\":\""
                + b64.encodeToString(key.publicKey().orElseThrow().x()) + "\",\"d\":\"" + b64.encodeToString(key.secret()) + "\"}";
    }
}

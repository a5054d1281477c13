package dev.inkan.application.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.application.port.in.PublicKeys;
import dev.inkan.application.port.out.KeyRing;
import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.application.port.out.SignatureAlgorithm;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.service.GetPublicKeysService;
import dev.inkan.application.service.IssueGatewayTokenService;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.Email;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.PublicJwk;
import dev.inkan.token.SignatureVerifier;
import dev.inkan.token.Signer;
import dev.inkan.token.SigningKey;
import dev.inkan.token.TokenRules;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Access tokens under a ring that holds a key pair: each key through its own port, and the pairs published. */
class KeyPairTokensTest {

    private static final Instant NOW = Instant.parse("2030-01-02T03:04:05Z");
    private static final TokenRules RULES = new TokenRules("https://auth.example.com", "api", Duration.ofSeconds(30));
    private static final User USER = new User(new UserId(UUID.randomUUID()), new Email("ann@example.com"),
            new PasswordHash("$argon2id$x"), NOW, List.of(), 0, Optional.empty());
    private static final MacAlgorithm NO_MAC = key -> {
        throw new AssertionError("no MAC for " + key);
    };

    private final Map<String, PrivateKey> privateKeys = new HashMap<>();
    private final Map<String, PublicKey> publicKeys = new HashMap<>();

    @Test
    void aPairSigns_throughTheSignaturePort_andItsTokensVerify() {
        SigningKey pair = ed25519("ed");
        AccessTokens tokens = new AccessTokens(ring(pair), NO_MAC, jca(), RULES, Duration.ofMinutes(15));
        AccessTokenClaims claims = tokens.claimsFor(USER, new SessionId(UUID.randomUUID()), "jti", Map.of(), NOW);

        String token = tokens.sign(claims);

        assertThat(new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')))))
                .isEqualTo("{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"ed\"}");
        assertThat(tokens.verify(token, NOW)).isEqualTo(claims);
    }

    @Test
    void aPairWhosePrivateKeyIsAnother_isRefused_namingTheKey() {
        SigningKey pair = ed25519("ed");
        SigningKey other = ed25519("other");
        SigningKey mixed = SigningKey.keyPair(other.secret(), pair.publicKey().orElseThrow());
        privateKeys.put("ed", privateKeys.get("other"));

        assertThatThrownBy(() -> new AccessTokens(ring(mixed), NO_MAC, jca(), RULES, Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ed'");
    }

    @Test
    void theHmacOnlyConstructor_refusesAPair() {
        assertThatThrownBy(() -> new AccessTokens(ring(ed25519("ed")), NO_MAC, RULES, Duration.ofMinutes(15)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ed'").hasMessageContaining("EdDSA");
    }

    @Test
    void thePublishedKeys_areThePairsOfTheRing_inItsOrder_neverItsHmacKeys() {
        SigningKey first = ed25519("first");
        SigningKey hmac = new SigningKey("hmac", JwsAlgorithm.HS256, new byte[32]);
        SigningKey second = ed25519("second");

        PublicKeys published = new GetPublicKeysService(ring(first, hmac, second), "https://auth.example.com").publicKeys();

        assertThat(published.issuer()).isEqualTo("https://auth.example.com");
        assertThat(published.keys()).containsExactly(first.publicKey().orElseThrow(), second.publicKey().orElseThrow());
        assertThat(published.algorithms()).containsExactly(JwsAlgorithm.EdDSA);
        assertThat(new GetPublicKeysService(ring(hmac), "inkan").publicKeys().keys()).isEmpty();
    }

    @Test
    void aGatewayToken_isTheCallersForTheUpstream_withItsOwnIdAndAMinuteAtMost() {
        SigningKey ed = ed25519("ed");
        AccessTokens tokens = new AccessTokens(ring(ed), NO_MAC, jca(), RULES, Duration.ofMinutes(15));
        AccessTokenClaims caller = tokens.claimsFor(USER, new SessionId(UUID.randomUUID()), "jti", Map.of("tenant", "t1"), NOW);
        var gateway = new IssueGatewayTokenService(tokens, RULES.audience(), random(), Clock.fixed(NOW.plusSeconds(7), ZoneOffset.UTC));

        String token = gateway.issue(caller, "orders", Duration.ofSeconds(30)).orElseThrow();

        AccessTokenClaims minted = upstream(ed, "orders").verify(token, NOW.plusSeconds(8));
        assertThat(minted.audience()).containsExactly("orders");
        assertThat(minted.subject()).isEqualTo(caller.subject());
        assertThat(minted.sessionId()).isEqualTo(caller.sessionId());
        assertThat(minted.custom()).isEqualTo(caller.custom());
        assertThat(minted.tokenId()).isNotEqualTo(caller.tokenId());
        assertThat(minted.issuedAt()).isEqualTo(NOW.plusSeconds(7));
        assertThat(minted.expiresAt()).isEqualTo(NOW.plusSeconds(37));
        assertThatThrownBy(() -> tokens.verify(token, NOW.plusSeconds(8)))
                .as("Inkan itself does not take it for an access token").isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void aGatewayToken_neverOutlivesTheCallersToken_andLivesAMinuteAtMost() {
        SigningKey ed = ed25519("ed");
        AccessTokens tokens = new AccessTokens(ring(ed), NO_MAC, jca(), RULES, Duration.ofMinutes(15));
        AccessTokenClaims caller = tokens.claimsFor(USER, new SessionId(UUID.randomUUID()), "jti", Map.of(), NOW);
        Instant late = caller.expiresAt().minusSeconds(5);
        var gateway = new IssueGatewayTokenService(tokens, RULES.audience(), random(), Clock.fixed(late, ZoneOffset.UTC));

        String token = gateway.issue(caller, "orders", Duration.ofSeconds(60)).orElseThrow();

        assertThat(upstream(ed, "orders").verify(token, late).expiresAt()).isEqualTo(caller.expiresAt());
        assertThatThrownBy(() -> gateway.issue(caller, "orders", Duration.ofSeconds(61)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 60 seconds");
        assertThatThrownBy(() -> gateway.issue(caller, RULES.audience(), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("audience of Inkan's own access tokens");
    }

    @Test
    void underAnHmacKey_noGatewayTokenIsMinted() {
        SigningKey hmac = new SigningKey("h", JwsAlgorithm.HS256, new byte[32]);
        MacAlgorithm mac = key -> (data, offset, length) -> new byte[32];
        AccessTokens tokens = new AccessTokens(ring(hmac), mac, RULES, Duration.ofMinutes(15));
        AccessTokenClaims caller = tokens.claimsFor(USER, new SessionId(UUID.randomUUID()), "jti", Map.of(), NOW);

        assertThat(new IssueGatewayTokenService(tokens, RULES.audience(), random(), Clock.fixed(NOW, ZoneOffset.UTC))
                .issue(caller, "orders", Duration.ofSeconds(30))).isEmpty();
    }

    private static RandomSource random() {
        return new RandomSource() {
            @Override
            public byte[] bytes(int count) {
                return new byte[count];
            }

            @Override
            public UUID uuid() {
                return UUID.randomUUID();
            }
        };
    }

    /** What the upstream of audience {@code audience} verifies with: the same key, its own audience. */
    private AccessTokens upstream(SigningKey key, String audience) {
        return new AccessTokens(ring(key), NO_MAC, jca(), new TokenRules(RULES.issuer(), audience, RULES.leeway()),
                Duration.ofMinutes(15));
    }

    private static KeyRing ring(SigningKey... keys) {
        return () -> List.of(keys);
    }

    /** A fresh Ed25519 pair from the JDK, its JCA keys remembered by kid for {@link #jca()}. */
    private SigningKey ed25519(String kid) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            privateKeys.put(kid, pair.getPrivate());
            publicKeys.put(kid, pair.getPublic());
            byte[] encoded = pair.getPublic().getEncoded();
            byte[] x = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
            byte[] d = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
            return SigningKey.keyPair(d, new PublicJwk(kid, JwsAlgorithm.EdDSA, x, Optional.empty()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signature port over the JDK's Ed25519, for the keys this test made (by kid). */
    private SignatureAlgorithm jca() {
        return new SignatureAlgorithm() {
            @Override
            public Signer signer(SigningKey key) {
                PrivateKey privateKey = privateKeys.get(key.keyId());
                return (input, offset, length) -> run(() -> {
                    Signature signature = Signature.getInstance("Ed25519");
                    signature.initSign(privateKey);
                    signature.update(input, offset, length);
                    return signature.sign();
                });
            }

            @Override
            public SignatureVerifier verifier(PublicJwk key) {
                PublicKey publicKey = run(() -> KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                        concat(publicKeys.get(key.keyId()).getEncoded(), 12, key.x()))));
                return (input, offset, length, signature) -> run(() -> {
                    Signature verifier = Signature.getInstance("Ed25519");
                    verifier.initVerify(publicKey);
                    verifier.update(input, offset, length);
                    return verifier.verify(signature);
                });
            }
        };
    }

    private static byte[] concat(byte[] prefixOf, int prefixLength, byte[] rest) {
        byte[] out = Arrays.copyOf(prefixOf, prefixLength + rest.length);
        System.arraycopy(rest, 0, out, prefixLength, rest.length);
        return out;
    }

    private interface Call<T> {
        T call() throws GeneralSecurityException;
    }

    private static <T> T run(Call<T> call) {
        try {
            return call.call();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

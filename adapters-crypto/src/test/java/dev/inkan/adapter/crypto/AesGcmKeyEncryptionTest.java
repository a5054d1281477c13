package dev.inkan.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.application.port.out.UnreadableKeyException;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keys at rest: what is sealed opens again as the same key, and only as that key under the same
 * key-encryption key; a flipped bit, a row moved to another kid or alg, and a wrong key-encryption key
 * are each refused with a message naming the kid and showing no key.
 */
class AesGcmKeyEncryptionTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] kek = random(32);
    private final AesGcmKeyEncryption encryption = new AesGcmKeyEncryption(kek, RANDOM);
    private final RandomKeyGenerator generator = new RandomKeyGenerator(new SecureRandomSource());

    @ParameterizedTest
    @EnumSource(JwsAlgorithm.class)
    void aSealedKey_opensAsTheSameKey_andHoldsNoPlainSecret(JwsAlgorithm algorithm) {
        SigningKey key = generator.generate(algorithm);

        byte[] sealed = encryption.seal(key);

        assertThat(encryption.open(key.keyId(), algorithm, sealed)).isEqualTo(key);
        assertThat(indexOf(sealed, key.secret())).as("the secret is not in the clear").isNegative();
        assertThat(sealed.length).as("nonce, ciphertext, tag").isEqualTo(12 + key.length() + 16);
    }

    @Test
    void anImportedPair_keepsItsOwnKeyId_andGetsItsPublicKeyBack() {
        SigningKey generated = generator.generate(JwsAlgorithm.ES256);
        SigningKey imported = KeyPairs.ofPrivateKey("2026-11-ec", JwsAlgorithm.ES256, generated.secret());

        SigningKey opened = encryption.open("2026-11-ec", JwsAlgorithm.ES256, encryption.seal(imported));

        assertThat(opened).isEqualTo(imported);
        assertThat(opened.publicKey().orElseThrow().x()).isEqualTo(generated.publicKey().orElseThrow().x());
    }

    @Test
    void everySeal_hasAFreshNonce() {
        SigningKey key = generator.generate(JwsAlgorithm.HS256);
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            nonces.add(Base64.getEncoder().encodeToString(Arrays.copyOf(encryption.seal(key), 12)));
        }

        assertThat(nonces).hasSize(100);
    }

    @Test
    void aTamperedCiphertext_orTagOrNonce_isRefused_namingTheKid() {
        SigningKey key = generator.generate(JwsAlgorithm.EdDSA);
        byte[] sealed = encryption.seal(key);

        for (int position : new int[] {0, 11, 12, sealed.length / 2, sealed.length - 1}) {
            byte[] tampered = sealed.clone();
            tampered[position] ^= 0x01;
            assertThatThrownBy(() -> encryption.open(key.keyId(), JwsAlgorithm.EdDSA, tampered)).as("bit flipped at " + position)
                    .isInstanceOf(UnreadableKeyException.class)
                    .hasMessageContaining("'" + key.keyId() + "'")
                    .satisfies(e -> assertThat(((UnreadableKeyException) e).keyId()).isEqualTo(key.keyId()));
        }
        assertThatThrownBy(() -> encryption.open(key.keyId(), JwsAlgorithm.EdDSA, Arrays.copyOf(sealed, 20)))
                .isInstanceOf(UnreadableKeyException.class);
    }

    @Test
    void aRowMovedToAnotherKidOrAlg_isRefused() {
        SigningKey hs256 = generator.generate(JwsAlgorithm.HS256);
        byte[] sealed = encryption.seal(hs256);

        assertThatThrownBy(() -> encryption.open("another-kid", JwsAlgorithm.HS256, sealed))
                .isInstanceOf(UnreadableKeyException.class).hasMessageContaining("'another-kid'");
        assertThatThrownBy(() -> encryption.open(hs256.keyId(), JwsAlgorithm.HS384, sealed))
                .as("the same kid under another alg").isInstanceOf(UnreadableKeyException.class);
        SigningKey ed = generator.generate(JwsAlgorithm.EdDSA);
        assertThatThrownBy(() -> encryption.open(ed.keyId(), JwsAlgorithm.Ed25519, encryption.seal(ed)))
                .as("EdDSA and Ed25519 are bound apart too").isInstanceOf(UnreadableKeyException.class);
    }

    @Test
    void aWrongKeyEncryptionKey_isRefused_withAMessageThatShowsNoKey() {
        SigningKey key = generator.generate(JwsAlgorithm.HS512);
        byte[] sealed = encryption.seal(key);
        byte[] otherKek = random(32);

        assertThatThrownBy(() -> new AesGcmKeyEncryption(otherKek, RANDOM).open(key.keyId(), JwsAlgorithm.HS512, sealed))
                .isInstanceOf(UnreadableKeyException.class)
                .hasMessageContaining("key-encryption key is not the one it was encrypted with")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(b64(otherKek)).doesNotContain(b64(kek))
                        .doesNotContain(b64(key.secret())));
    }

    @Test
    void anAuthenticSecretThatIsNoKeyOfItsAlgorithm_isRefusedToo() throws Exception {
        byte[] tooShort = random(16);
        byte[] nonce = random(12);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD("inkan signing key|HS256|short".getBytes(StandardCharsets.UTF_8));
        byte[] ciphertext = cipher.doFinal(tooShort);
        byte[] sealed = Arrays.copyOf(nonce, 12 + ciphertext.length);
        System.arraycopy(ciphertext, 0, sealed, 12, ciphertext.length);

        assertThatThrownBy(() -> encryption.open("short", JwsAlgorithm.HS256, sealed)).isInstanceOf(UnreadableKeyException.class);
    }

    @Test
    void aKeyEncryptionKeyOfAnotherLength_isRefused_sayingOnlyItsLength() {
        assertThatThrownBy(() -> new AesGcmKeyEncryption(random(16), RANDOM))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes").hasMessageContaining("not 16");
        assertThat(encryption.toString()).doesNotContain(b64(kek));
    }

    @Test
    void generatedHmacKeys_areAsLongAsTheirMac_andNamedByTheirThumbprint() {
        for (JwsAlgorithm algorithm : new JwsAlgorithm[] {JwsAlgorithm.HS256, JwsAlgorithm.HS384, JwsAlgorithm.HS512}) {
            SigningKey key = generator.generate(algorithm);
            assertThat(key.length()).isEqualTo(algorithm.macLength());
            assertThat(key.keyId()).isEqualTo(JwkThumbprint.ofOctetKey(key.secret()));
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(haystack, i, i + needle.length), needle)) {
                return i;
            }
        }
        return -1;
    }
}

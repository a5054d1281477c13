package dev.inkan.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import de.mkammerer.argon2.Argon2Factory;
import dev.inkan.domain.Password;
import dev.inkan.domain.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.junit.jupiter.api.Test;

/** The reference implementation's Argon2id known answers and RFC 9106 5.3, through both implementations. */
class Argon2KnownAnswerTest {

    @Test
    void referenceVectors_rawOutput_matches_withBothImplementations() {
        Argon2Advanced nativeArgon2 = Argon2Factory.createAdvanced(Argon2Types.ARGON2id);
        int checked = 0;
        for (JsonNode vector : Vectors.read("argon2id_kat.json").get("vectors")) {
            byte[] password = vector.get("password").asText().getBytes(StandardCharsets.UTF_8);
            byte[] salt = vector.get("salt_utf8").asText().getBytes(StandardCharsets.UTF_8);
            Argon2Parameters costs = new Argon2Parameters(vector.get("m_kib").asInt(), vector.get("t").asInt(), vector.get("p").asInt());
            String expected = vector.get("raw_hash_hex").asText();

            assertThat(HexFormat.of().formatHex(BouncyCastleArgon2PasswordHasher.derive(password.clone(), costs, salt,
                    vector.get("hash_len").asInt()))).as("Bouncy Castle, %s", vector).isEqualTo(expected);
            assertThat(HexFormat.of().formatHex(nativeArgon2.rawHash(costs.iterations(), costs.memoryKiB(), costs.parallelism(),
                    password.clone(), salt))).as("argon2-jvm, %s", vector).isEqualTo(expected);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(3);
    }

    @Test
    void referenceVectors_encodedHashes_verify_withBothHashers() {
        for (JsonNode vector : Vectors.read("argon2id_kat.json").get("vectors")) {
            if (!vector.has("encoded")) {
                continue;
            }
            PasswordHash hash = new PasswordHash(vector.get("encoded").asText());
            Password password = new Password(vector.get("password").asText());
            Argon2Parameters any = PasswordHasherContract.CHEAP;

            assertThat(new Argon2NativePasswordHasher(any).verify(hash, password)).as("argon2-jvm").isTrue();
            assertThat(new BouncyCastleArgon2PasswordHasher(any).verify(hash, password)).as("Bouncy Castle").isTrue();
            assertThat(new BouncyCastleArgon2PasswordHasher(any).verify(hash, new Password("not " + password.value()))).isFalse();
        }
    }

    /** RFC 9106 5.3 needs a secret and associated data, which only Bouncy Castle's API can express here. */
    @Test
    void rfc9106Section5_3_matches_withBouncyCastle() {
        JsonNode kat = Vectors.read("argon2id_kat.json").get("rfc9106_style_kat");
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(kat.get("m_kib").asInt())
                .withIterations(kat.get("t").asInt())
                .withParallelism(kat.get("p").asInt())
                .withSalt(Vectors.hex(kat.get("salt_hex")))
                .withSecret(Vectors.hex(kat.get("secret_hex")))
                .withAdditional(Vectors.hex(kat.get("ad_hex")))
                .build());
        byte[] tag = new byte[kat.get("tag_len").asInt()];

        generator.generateBytes(Vectors.hex(kat.get("password_hex")), tag);

        assertThat(HexFormat.of().formatHex(tag)).isEqualTo(kat.get("tag_hex").asText());
    }
}

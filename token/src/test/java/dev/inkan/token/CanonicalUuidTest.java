package dev.inkan.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CanonicalUuidTest {

    @Test
    void everyUuid_readsBack_inEitherCase() {
        Random random = new Random(4122);
        for (int i = 0; i < 10_000; i++) {
            UUID uuid = new UUID(random.nextLong(), random.nextLong());

            assertThat(CanonicalUuid.parse(uuid.toString())).contains(uuid);
            assertThat(CanonicalUuid.parse(uuid.toString().toUpperCase(Locale.ROOT))).contains(uuid);
        }
        assertThat(CanonicalUuid.parse("00000000-0000-0000-0000-000000000000")).contains(new UUID(0, 0));
        assertThat(CanonicalUuid.parse("ffffffff-FFFF-ffff-FFFF-ffffffffffff")).contains(new UUID(-1, -1));
    }

    /** Exhaustive over one byte: every value at every position, against a plain reading of the rule. */
    @Test
    void everyByte_atEveryPosition_isAcceptedExactlyWhereTheCanonicalFormAllowsIt() {
        byte[] valid = "0b4fe2b2-8a5f-4f53-9d6e-3a1c6c1f2a10".getBytes(StandardCharsets.US_ASCII);
        for (int at = 0; at < valid.length; at++) {
            for (int value = 0; value < 256; value++) {
                byte[] edited = valid.clone();
                edited[at] = (byte) value;

                assertThat(Optional.ofNullable(CanonicalUuid.parseOrNull(edited, 0))).as("0x%02x at %d", value, at).isEqualTo(reference(edited));
            }
        }
    }

    @Test
    void aUuidInsideLongerBytes_isReadAtItsOffset_andOneRunningOffTheEnd_isNot() {
        byte[] bytes = "xx0b4fe2b2-8a5f-4f53-9d6e-3a1c6c1f2a10".getBytes(StandardCharsets.US_ASCII);

        assertThat(Optional.ofNullable(CanonicalUuid.parseOrNull(bytes, 2))).contains(UUID.fromString("0b4fe2b2-8a5f-4f53-9d6e-3a1c6c1f2a10"));
        assertThat(Optional.ofNullable(CanonicalUuid.parseOrNull(bytes, 3))).isEmpty();
        assertThat(Optional.ofNullable(CanonicalUuid.parseOrNull(bytes, 0))).isEmpty();
        assertThat(CanonicalUuid.parse("0b4fe2b2-8a5f-4f53-9d6e-3a1c6c1f2a1")).isEmpty();
        assertThat(CanonicalUuid.parse("0b4fe2b2-8a5f-4f53-9d6e-3a1c6c1f2a1\u00e9")).isEmpty();
    }

    private static Optional<UUID> reference(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
                ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }
}

package dev.inkan.token;

import static dev.inkan.token.Fixtures.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base64UrlTest {

    @Test
    void everyLength_roundTrips_exactlyAsTheJdkEncodesIt() {
        Random random = new Random(42);
        for (int length = 0; length <= 70; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

            assertThat(new String(Base64Url.encode(bytes), StandardCharsets.US_ASCII)).isEqualTo(expected);
            assertThat(decode(expected)).isEqualTo(bytes);
            assertThat(Base64Url.encodedLength(length)).isEqualTo(expected.length());
        }
    }

    @Test
    void aSegmentInsideALongerText_decodesToExactlyItsBytes() {
        byte[] ascii = "xx.AAE.yyy".getBytes(StandardCharsets.US_ASCII);

        assertThat(Base64Url.decode(ascii, 3, 6)).containsExactly(0, 1);
        assertThat(Base64Url.decode(ascii, 3, 3)).isEmpty();
        byte[] out = new byte[10];
        assertThat(Base64Url.encode(new byte[] {0, 1}, out, 4)).isEqualTo(7);
        assertThat(new String(out, 4, 3, StandardCharsets.US_ASCII)).isEqualTo("AAE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AA==", "AAA=", "ab+c", "ab/c", "ab c", "ab\nc", "A", "AAAAA", "AB", "AAB", "AAAAAB", "\u00e9", "ab.c",
        "A\u0100AA", "AAA\u0000", "AA=A", "=AAA", "AA\u00ff", "\u00c3\u00a9AA"})
    void nonCanonicalText_isRefused(String text) {
        assertRefused(() -> decode(text), TokenException.Reason.MALFORMED);
    }

    @Test
    void theCanonicalNeighbours_ofRefusedText_areAccepted() {
        assertThat(decode("AA")).containsExactly(0);
        assertThat(decode("AAA")).containsExactly(0, 0);
        assertThat(decode("AAE")).containsExactly(0, 1);
        assertThat(decode("")).isEmpty();
    }

    /** Decodes as a token's segments are decoded: from its ISO-8859-1 bytes, so chars above 255 become '?'. */
    private static byte[] decode(String text) {
        byte[] ascii = text.getBytes(StandardCharsets.ISO_8859_1);
        return Base64Url.decode(ascii, 0, ascii.length);
    }
}

package dev.inkan.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonNumbersTest {

    /** Around every edge of an int exponent and scale, with fractions of every short length: the reader holds exactly what BigDecimal holds. */
    @Test
    void whatTheReaderHolds_isWhatBigDecimalHolds_atTheEdgesOfTheExponentAndTheScale() {
        List<String> texts = new ArrayList<>();
        for (long edge : new long[] {Integer.MAX_VALUE, (long) Integer.MAX_VALUE + 1, Integer.MIN_VALUE, (long) Integer.MIN_VALUE - 1}) {
            for (long exponent = edge - 3; exponent <= edge + 3; exponent++) {
                for (String mantissa : new String[] {"1", "-1", "0", "1.5", "0.25", "-9.125", "12"}) {
                    String e = exponent < 0 ? "e" + exponent : "E+" + exponent;
                    texts.add(mantissa + e);
                    texts.add(mantissa + e.replace("E+", "e0000"));
                }
            }
        }
        texts.addAll(List.of("1e12345678901", "1e-12345678901", "1e00000000000000000007", "1E+2147483647", "0e0", "1.0e-0"));

        for (String text : texts) {
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            assertThat(JsonNumbers.end(bytes, 0)).as(text).isEqualTo(bytes.length);

            Optional<Number> read = JsonNumbers.value(bytes, 0, bytes.length);

            assertThat(read).as(text).isEqualTo(bigDecimal(text));
        }
    }

    @Test
    void integersThatFitALong_areLongs_andTheRestBigDecimals() {
        assertThat(value("0")).contains(0L);
        assertThat(value("-0")).contains(0L);
        assertThat(value("9223372036854775807")).contains(Long.MAX_VALUE);
        assertThat(value("-9223372036854775808")).contains(Long.MIN_VALUE);
        assertThat(value("9223372036854775808")).contains(new BigDecimal("9223372036854775808"));
        assertThat(value("-9223372036854775809")).contains(new BigDecimal("-9223372036854775809"));
        assertThat(value("99999999999999999999")).contains(new BigDecimal("99999999999999999999"));
        assertThat(value("1.0")).contains(new BigDecimal("1.0"));
        assertThat(value("1e0")).contains(BigDecimal.ONE);
        assertThat(value("1" + "0".repeat(1_200))).contains(new BigDecimal("1" + "0".repeat(1_200)));
    }

    @Test
    void integersInARange_areReadWithoutSign_butMinusZero() {
        assertThat(integer("0", 5)).isZero();
        assertThat(integer("-0", 5)).isZero();
        assertThat(integer("5", 5)).isEqualTo(5);
        assertThat(integer("6", 5)).isEqualTo(JsonNumbers.OUT_OF_RANGE);
        assertThat(integer("-1", 5)).isEqualTo(JsonNumbers.OUT_OF_RANGE);
        assertThat(integer("1.0", 5)).isEqualTo(JsonNumbers.OUT_OF_RANGE);
        assertThat(integer("1e0", 5)).isEqualTo(JsonNumbers.OUT_OF_RANGE);
        assertThat(integer("9007199254740991", TokenClaims.MAX_ROLES_VERSION)).isEqualTo(TokenClaims.MAX_ROLES_VERSION);
        assertThat(integer("9007199254740992", TokenClaims.MAX_ROLES_VERSION)).isEqualTo(JsonNumbers.OUT_OF_RANGE);
        assertThat(integer("9".repeat(40), TokenClaims.MAX_ROLES_VERSION)).isEqualTo(JsonNumbers.OUT_OF_RANGE);
    }

    @Test
    void theGrammar_refusesWhatRfc8259Refuses() {
        for (String text : new String[] {"", "-", "01", "-01", "1.", ".5", "1e", "1e+", "+1", "--1", "1.e3", "e3"}) {
            assertThat(JsonNumbers.end(text.getBytes(StandardCharsets.US_ASCII), 0)).as(text).isEqualTo(JsonNumbers.MALFORMED);
        }
    }

    private static Optional<Number> value(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return JsonNumbers.value(bytes, 0, JsonNumbers.end(bytes, 0));
    }

    private static long integer(String text, long max) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return JsonNumbers.integer(bytes, 0, JsonNumbers.end(bytes, 0), max);
    }

    /** What the JDK makes of the text: the value, or empty when it refuses it. */
    private static Optional<Number> bigDecimal(String text) {
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException refused) {
            return Optional.empty();
        }
    }
}

package dev.inkan.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

            assertThat(Base64Url.encode(bytes)).isEqualTo(expected);
            assertThat(Base64Url.decode(expected)).isEqualTo(bytes);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"AA==", "AAA=", "ab+c", "ab/c", "ab c", "ab\nc", "A", "AAAAA", "AB", "AAB", "AAAAAB", "é", "ab.c", "AĀAA", "AAA\u0000"})
    void nonCanonicalText_isRefused(String text) {
        assertThatThrownBy(() -> Base64Url.decode(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCanonicalNeighbours_ofRefusedText_areAccepted() {
        assertThat(Base64Url.decode("AA")).containsExactly(0);
        assertThat(Base64Url.decode("AAA")).containsExactly(0, 0);
        assertThat(Base64Url.decode("AAE")).containsExactly(0, 1);
        assertThat(Base64Url.decode("")).isEmpty();
    }
}

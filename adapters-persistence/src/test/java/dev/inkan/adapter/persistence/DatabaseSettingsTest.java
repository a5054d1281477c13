package dev.inkan.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Unit tests of {@link DatabaseSettings}. */
class DatabaseSettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:mem:x", "jdbc:h2:file:./data/inkan", "jdbc:postgresql://db:5432/inkan"})
    void h2AndPostgresUrls_areAccepted(String url) {
        assertEquals(url, new DatabaseSettings(url, "u", "p", 10).jdbcUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "jdbc:mysql://db/inkan", "h2:mem:x", "JDBC:H2:mem:x", "jdbc:postgres://db/x"})
    void otherUrls_areRejected(String url) {
        assertThrows(IllegalArgumentException.class, () -> new DatabaseSettings(url, "u", "p", 10));
    }

    @Test
    void missingUrl_isRejected() {
        assertThrows(NullPointerException.class, () -> new DatabaseSettings(null, "u", "p", 10));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 201})
    void poolSizeOutsideOneTo200_isRejected(int size) {
        assertThrows(IllegalArgumentException.class, () -> new DatabaseSettings("jdbc:h2:mem:x", "u", "p", size));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 200})
    void poolSizesAtTheLimits_areAccepted(int size) {
        assertEquals(size, new DatabaseSettings("jdbc:h2:mem:x", "u", "p", size).maximumPoolSize());
    }

    @Test
    void missingUserAndPassword_becomeEmpty() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:h2:mem:x", null, null, 1);

        assertEquals("", settings.user());
        assertEquals("", settings.password());
    }

    @Test
    void toString_hidesThePassword_alsoInsideTheUrl() {
        String shown = new DatabaseSettings(
                "jdbc:postgresql://db/inkan?ssl=true&password=urlsecret&user=x", "inkan", "s3cret", 10).toString();

        assertFalse(shown.contains("s3cret"), shown);
        assertFalse(shown.contains("urlsecret"), shown);
        assertTrue(shown.contains("jdbc:postgresql://db/inkan?ssl=true&password=****&user=x"), shown);
        assertTrue(shown.contains("user=inkan"), shown);
    }

    @Test
    void toString_hidesAnH2UrlPassword() {
        String shown = new DatabaseSettings("jdbc:h2:tcp://db/inkan;USER=sa;PASSWORD=urlsecret", "", "", 1).toString();

        assertFalse(shown.contains("urlsecret"), shown);
    }
}

package dev.inkan.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a browser may be sent back to after login: never an open redirect. */
class ReturnToTest {

    private static final List<String> ORIGINS = List.of("https://app.example", "http://localhost:8080");

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "//evil.example/x", "/\\evil.example", "/\\/evil.example", "\\\\evil.example",
        "https://evil.example", "https://evil.example/", "http://app.example", "https://app.example.evil.example",
        "https://app.example@evil.example", "https://evil.example\\@app.example", "https://user:pw@app.example/",
        "https://app.example:444/", "javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)",
        "javascript://app.example/%0aalert(1)", "data:text/html,hi", "%2F%2Fevil.example",
        "/\t/evil.example", "/\n/evil.example", " /x", "https:/\\evil.example", "https:evil.example", "ftp://app.example/",
        "https://[::1/", "https://app.example:99999/", "https://app.example:/x", "evil.example", "", "/caf\u00e9"})
    void noPlaceElse_andNothingThatABrowserCouldReadAsAnotherOrigin_isAllowed(String candidate) {
        assertThat(ReturnTo.check(candidate, ORIGINS)).as(candidate).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "/, /",
        "/account?tab=1#top, /account?tab=1#top",
        "/%2F/evil.example, /%2F/evil.example",
        "/%09/evil.example, /%09/evil.example",
        "https://app.example, https://app.example",
        "https://app.example/x?y=1, https://app.example/x?y=1",
        "HTTPS://APP.EXAMPLE:443/x, https://app.example/x",
        "http://LOCALHOST:8080/a, http://localhost:8080/a",
        "https://app.example?q=//evil.example, https://app.example?q=//evil.example"
    })
    void aPathOrAnAllowedOrigin_isAllowed_inCanonicalForm(String candidate, String allowed) {
        assertThat(ReturnTo.check(candidate, ORIGINS)).hasValue(allowed);
    }

    @Test
    void theLoginLocation_carriesTheReturnToEncoded_inItsQuery() {
        URI login = URI.create("https://auth.example/");
        assertThat(ReturnTo.location(login, Optional.of("https://app.example/x?a=1&b=2")))
                .isEqualTo("https://auth.example/?return_to=https%3A%2F%2Fapp.example%2Fx%3Fa%3D1%26b%3D2");
        assertThat(ReturnTo.location(URI.create("https://auth.example/login?lang=en"), Optional.of("/x")))
                .isEqualTo("https://auth.example/login?lang=en&return_to=%2Fx");
        assertThat(ReturnTo.location(login, Optional.empty())).isEqualTo("https://auth.example/");
    }

    @Test
    void fromWhatTheGatewaySaid_theWholeUrlForAnAllowedOrigin_thePathForTheLoginPagesOwn_elseNothing() {
        URI login = URI.create("https://auth.example/");
        assertThat(ReturnTo.ofForwarded(Optional.of("https"), Optional.of("app.example"), "/x", ORIGINS, login))
                .hasValue("https://app.example/x");
        assertThat(ReturnTo.ofForwarded(Optional.of("https"), Optional.of("auth.example"), "/x", ORIGINS, login)).hasValue("/x");
        assertThat(ReturnTo.ofForwarded(Optional.of("https"), Optional.of("evil.example"), "/x", ORIGINS, login)).isEmpty();
        assertThat(ReturnTo.ofForwarded(Optional.empty(), Optional.of("app.example"), "/x", ORIGINS, login)).isEmpty();
        assertThat(ReturnTo.ofForwarded(Optional.of("https"), Optional.of("app.example"), "//evil.example", ORIGINS, login))
                .isEmpty();
        assertThat(ReturnTo.ofForwarded(Optional.of("https"), Optional.of("auth.example"), "//evil.example", ORIGINS, login))
                .isEmpty();
    }
}

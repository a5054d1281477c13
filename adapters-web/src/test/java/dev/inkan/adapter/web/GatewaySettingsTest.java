package dev.inkan.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gateway settings refuse what they cannot use safely: origins, login URLs, cookie domains, header names. */
class GatewaySettingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://App.example", "https://app.example:443", "https://app.example/", "app.example", "*",
        "https://*.example"})
    void aRedirectOriginNotWrittenAsBrowsersWriteIt_isRefused(String origin) {
        assertThatThrownBy(() -> GatewaySettings.defaults().withRedirectOrigins(List.of(origin)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(origin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login", "auth.example/", "ftp://auth.example/", "https://auth.example/#x", "https://u@auth.example/"})
    void aLoginUrlThatIsNotAnAbsoluteHttpUrl_isRefused(String url) {
        assertThatThrownBy(() -> GatewaySettings.defaults().withLoginUrl(URI.create(url)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {".example.com", "Example.com", "example.com.", "exa_mple.com", "10.0.0.1", "-a.example", "a..b"})
    void aCookieDomainThatIsNotALowerCaseHostName_isRefused(String domain) {
        assertThatThrownBy(() -> GatewaySettings.defaults().withCookieDomain(domain)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"roles", "user-id=", "user-id=X User", "user-id=X-User,session-id=x-user", "user-id=A,user-id=B",
        "name=X-Name", "user-id=Authorization", "roles=Cookie", "roles=X-Forwarded-User", "roles=Content-Length", ",", "roles=X-R\u00e9"})
    void identityHeadersThatAreNotHeadersAGatewayMayPassOn_areRefused(String text) {
        assertThatThrownBy(() -> IdentityHeaders.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void identityHeaders_nameExactlyTheFieldsGiven_inFieldOrder() {
        IdentityHeaders headers = IdentityHeaders.parse("roles=X-Groups, USER-ID=Remote-User");

        assertThat(headers.names()).containsExactly(java.util.Map.entry(IdentityHeaders.Field.USER_ID, "Remote-User"),
                java.util.Map.entry(IdentityHeaders.Field.ROLES, "X-Groups"));
        assertThat(IdentityHeaders.defaults()).hasToString("user-id=X-Inkan-User-Id,session-id=X-Inkan-Session-Id,roles=X-Inkan-Roles");
    }
}

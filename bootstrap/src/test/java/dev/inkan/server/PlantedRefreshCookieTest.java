package dev.inkan.server;

import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.bootstrap.ConfigSource;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sibling subdomain can set a {@code __Secure-} cookie for the parent domain, so an attacker can
 * plant their own refresh cookie in a victim's browser. It must not switch the victim into the
 * attacker's account: the victim's CSRF proof is bound to the victim's session.
 */
class PlantedRefreshCookieTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    static Path dataDir;

    private static InkanApplication app;
    private static HttpJson http;

    @BeforeAll
    static void start() {
        Map<String, String> env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", "off");
        env.put("INKAN_DATA_DIR", dataDir.toString());
        env.put("INKAN_JWT_SECRET", TestTokens.b64(TestTokens.randomKey(32)));
        env.put("INKAN_TOKEN_TRANSPORT", "cookie");
        app = InkanApplication.start(ConfigSource.of(env));
        http = new HttpJson(app.port());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aPlantedRefreshCookie_alone_isRefused_andLeavesBothSessionsAsTheyWere() {
        Browser victim = login();
        Browser attacker = login();

        HttpResponse<String> planted = refresh(attacker.refresh, victim.csrf);

        assertThat(planted.statusCode()).isEqualTo(401);
        assertThat(cookie(planted, "__Host-inkan_access")).as("no session handed over").isEmpty();
        assertThat(refresh(attacker.refresh, attacker.csrf).statusCode()).as("the attacker's token was not spent").isEqualTo(200);
        assertThat(refresh(victim.refresh, victim.csrf).statusCode()).isEqualTo(200);
    }

    @Test
    void aPlantedRefreshCookie_besideTheBrowsersOwn_isPassedOver_andTheVictimStaysThemselves() {
        Browser victim = login();
        Browser attacker = login();

        HttpResponse<String> refreshed = send("/auth/refresh", "__Secure-inkan_refresh=" + attacker.refresh
                + "; __Secure-inkan_refresh=" + victim.refresh + "; __Host-inkan_csrf=" + victim.csrf, victim.csrf);

        assertThat(refreshed.statusCode()).isEqualTo(200);
        String access = cookie(refreshed, "__Host-inkan_access").orElseThrow();
        HttpResponse<String> verified = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/auth/verify"))
                .header("Cookie", "__Host-inkan_access=" + access).GET());
        assertThat(body(verified).get("sub").asText()).isEqualTo(victim.userId);
    }

    private static Browser login() {
        String email = "planted-" + UUID.randomUUID() + "@example.com";
        String userId = body(http.post("/auth/register", credentials(email, PASSWORD))).get("id").asText();
        HttpResponse<String> login = http.post("/auth/login", credentials(email, PASSWORD));
        return new Browser(userId, cookie(login, "__Secure-inkan_refresh").orElseThrow(),
                cookie(login, "__Host-inkan_csrf").orElseThrow());
    }

    private static HttpResponse<String> refresh(String refreshCookie, String csrf) {
        return send("/auth/refresh", "__Secure-inkan_refresh=" + refreshCookie + "; __Host-inkan_csrf=" + csrf, csrf);
    }

    private static HttpResponse<String> send(String path, String cookies, String csrf) {
        return http.send(HttpRequest.newBuilder(URI.create(http.base() + path)).header("Cookie", cookies)
                .header("X-CSRF-Token", csrf).POST(BodyPublishers.noBody()));
    }

    private static Optional<String> cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(name + "="))
                .map(header -> header.substring(name.length() + 1, header.indexOf(';')))
                .filter(value -> !value.isEmpty())
                .findFirst();
    }

    /** What a browser holds after a login: its user, its refresh cookie and its CSRF token. */
    private record Browser(String userId, String refresh, String csrf) {
    }
}

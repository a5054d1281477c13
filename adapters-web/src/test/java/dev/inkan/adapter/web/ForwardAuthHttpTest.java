package dev.inkan.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.inkan.application.port.in.AdministerUsersUseCase;
import dev.inkan.application.port.in.CountSecurityEventsUseCase;
import dev.inkan.application.port.in.EndSessionUseCase;
import dev.inkan.application.port.in.GetUserProfileUseCase;
import dev.inkan.application.port.in.ListSecurityEventsUseCase;
import dev.inkan.application.port.in.ListSessionsUseCase;
import dev.inkan.application.port.in.LoginUseCase;
import dev.inkan.application.port.in.LogoutEverywhereUseCase;
import dev.inkan.application.port.in.LogoutUseCase;
import dev.inkan.application.port.in.RefreshTokensUseCase;
import dev.inkan.application.port.in.RegisterUserUseCase;
import dev.inkan.application.port.in.VerifyAccessTokenUseCase;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Forward-auth over real HTTP from 127.0.0.1, as a gateway would ask: every method, the identity
 * headers, the rules by forwarded path, CSRF for cookie-authenticated unsafe requests, the login
 * redirect of {@code /auth/forward}, and only 200, 401 and 403 from {@code /auth/verify}.
 */
class ForwardAuthHttpTest {

    private static final String USER = "user.token";
    private static final String ADMIN = "admin.token";
    private static final String ODD = "odd-roles.token";
    private static final String LOGIN = "https://auth.example/";
    private static final String APP = "https://app.example";

    private final VerifyAccessTokenUseCase verifier = mock(VerifyAccessTokenUseCase.class);
    private final HttpClient client = HttpClient.newHttpClient();
    private final AccessTokenClaims user = claims(List.of("billing:read"));
    private final AccessTokenClaims admin = claims(List.of("admin"));
    private InkanHttpServer server;

    ForwardAuthHttpTest() {
        doThrow(new InvalidTokenException(InvalidTokenException.Reason.BAD_SIGNATURE)).when(verifier).verify(anyString());
        doReturn(user).when(verifier).verify(USER);
        doReturn(admin).when(verifier).verify(ADMIN);
        doReturn(claims(List.of("reader", "x,admin", "a\r\nX-Inkan-Roles: admin"))).when(verifier).verify(ODD);
        doThrow(new InvalidTokenException(InvalidTokenException.Reason.EXPIRED)).when(verifier).verify("expired.token");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyMethod_onEveryForwardAuthPath_withAGoodBearer_answers200_withTheIdentityHeaders_andTheClaims() throws Exception {
        start(gateway());

        for (String path : List.of("/auth/verify", "/auth/verify/app/x?y=1", "/auth/forward", "/auth/forward/app/x")) {
            for (String method : List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")) {
                HttpResponse<String> answer = send(request(path).header("Authorization", "Bearer " + USER)
                        .method(method, BodyPublishers.noBody()));
                assertThat(answer.statusCode()).as(method + " " + path).isEqualTo(200);
                assertThat(answer.headers().firstValue("X-Inkan-User-Id")).as(method + " " + path).hasValue(user.subject().toString());
                assertThat(answer.headers().firstValue("X-Inkan-Session-Id")).hasValue(user.sessionId().toString());
                assertThat(answer.headers().firstValue("X-Inkan-Roles")).hasValue("billing:read");
                if (!method.equals("HEAD")) {
                    assertThat(JsonBodies.MAPPER.readTree(answer.body()).get("sub").asText()).isEqualTo(user.subject().toString());
                }
            }
        }
    }

    @Test
    void noToken_getsA401ProblemOnVerify_andOnForwardForAnApiClient_butABrowserIsSentToLogIn() throws Exception {
        start(gateway());

        HttpResponse<String> api = send(request("/auth/verify").header("X-Forwarded-Uri", "/app/x"));
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValue(ProblemDetails.CONTENT_TYPE);
        assertThat(api.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"inkan\"");
        assertThat(send(request("/auth/verify").header("Accept", "text/html").header("X-Forwarded-Uri", "/app/x")).statusCode())
                .as("nginx turns the 401 into the redirect itself").isEqualTo(401);
        assertThat(send(request("/auth/forward").header("Accept", "application/json").header("X-Forwarded-Uri", "/app/x"))
                .statusCode()).isEqualTo(401);

        HttpResponse<String> browser = send(request("/auth/forward").header("Accept", "text/html,application/xhtml+xml;q=0.9")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "app.example")
                .header("X-Forwarded-Uri", "/app/x?a=1&b=two%20words"));
        assertThat(browser.statusCode()).isEqualTo(302);
        assertThat(returnTo(browser)).hasValue("https://app.example/app/x?a=1&b=two%20words");
        assertThat(browser.headers().firstValue("Location").orElseThrow()).startsWith(LOGIN + "?return_to=https%3A%2F%2Fapp.example");

        HttpResponse<String> expired = send(request("/auth/forward").header("Accept", "text/html")
                .header("Cookie", TokenCookies.ACCESS + "=expired.token")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "app.example").header("X-Forwarded-Uri", "/"));
        assertThat(expired.statusCode()).as("an expired cookie goes to the page, which refreshes silently").isEqualTo(302);
        assertThat(returnTo(expired)).hasValue("https://app.example/");
    }

    @Test
    void theLoginRedirect_returnsOnlyToAllowedOrigins_orAsAPathToTheLoginPagesOwn_andNeverTrustsTheForwardedHost() throws Exception {
        start(gateway());

        assertThat(returnTo(browserWithoutToken("https", "evil.example", "/x"))).as("a host a client chose").isEmpty();
        assertThat(returnTo(browserWithoutToken("https", "app.example.evil.example", "/x"))).isEmpty();
        assertThat(returnTo(browserWithoutToken("https", "app.example@evil.example", "/x"))).isEmpty();
        assertThat(returnTo(browserWithoutToken("javascript", "app.example", "/x"))).isEmpty();
        assertThat(returnTo(browserWithoutToken("http", "app.example", "/x"))).as("another scheme is another origin").isEmpty();
        assertThat(returnTo(browserWithoutToken("https", "APP.example:443", "/x"))).hasValue("https://app.example/x");
        assertThat(returnTo(browserWithoutToken("https", "auth.example", "/account"))).as("the page's own origin: a path")
                .hasValue("/account");
        HttpResponse<String> noPlace = browserWithoutToken("https", "evil.example", "/x");
        assertThat(noPlace.statusCode()).isEqualTo(302);
        assertThat(noPlace.headers().firstValue("Location")).hasValue(LOGIN);
    }

    @Test
    void withoutALoginUrl_aBrowserGetsThe401_too() throws Exception {
        start(new GatewaySettings(ForwardAuthRules.none(), IdentityHeaders.defaults(), Optional.empty(), List.of(), Optional.empty()));

        assertThat(send(request("/auth/forward").header("Accept", "text/html")).statusCode()).isEqualTo(401);
    }

    @Test
    void rulesByPath_letAnyoneThrough_askForAToken_orForARole() throws Exception {
        start(gateway());

        assertThat(verify("/public/page", null).statusCode()).isEqualTo(200);
        assertThat(verify("/public/page", USER).headers().firstValue("X-Inkan-User-Id")).as("anyone, but known")
                .hasValue(user.subject().toString());
        assertThat(verify("/app/x", null).statusCode()).as("the default: authenticated").isEqualTo(401);
        assertThat(verify("/app/x", USER).statusCode()).isEqualTo(200);
        assertThat(verify("/admin/users", USER).statusCode()).isEqualTo(403);
        assertThat(verify("/admin/users", USER).headers().firstValue("WWW-Authenticate").orElseThrow()).contains("insufficient_scope");
        assertThat(verify("/admin", USER).statusCode()).as("the prefix /admin/ covers /admin").isEqualTo(403);
        assertThat(verify("/admin/users", ADMIN).statusCode()).isEqualTo(200);
        assertThat(verify("/administrator", null).statusCode()).as("whole segments only: the default").isEqualTo(401);
        assertThat(verify("/admin/users", null).statusCode()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/public/../admin/x", "/public/./../admin/x", "/public/%2e%2e/admin/x", "/public/%2E%2E/admin",
        "/public%2F..%2Fadmin/x", "/public/..;/admin/x", "/admin;jsessionid=1/x", "//admin/x", "/public//../admin",
        "/admin/../public/x", "/admin/%2e%2e/public/x", "/%61dmin/x", "http://app.example/admin/x", "/admin?/public/"})
    void aPathThatLeadsIntoAdmin_bySegmentsDotsEscapesOrParameters_needsTheRole(String path) throws Exception {
        start(gateway());

        assertThat(verify(path, USER).statusCode()).as(path).isEqualTo(403);
        assertThat(verify(path, ADMIN).statusCode()).as(path).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../admin", "/public/../../admin", "/a/%zz", "/a/%2", "/a\\..\\admin", "/a/%5c..%5cadmin",
        "/a/%252e%252e/admin", "/a%00", "/a/%0d%0aX-Inkan-Roles:%20admin", "/a/%C0%AF", "/a/%ff", "relative/path", "",
        "/a b"})
    void aPathThatDoesNotNormaliseCleanly_isRefused_with403OnVerify_and400OnForward(String path) throws Exception {
        start(gateway());

        assertThat(verify(path, ADMIN).statusCode()).as(path).isEqualTo(403);
        HttpResponse<String> forward = send(request("/auth/forward").header("Authorization", "Bearer " + ADMIN)
                .header("X-Forwarded-Uri", path));
        assertThat(forward.statusCode()).as(path).isEqualTo(400);
        assertThat(forward.headers().firstValue("Content-Type")).hasValue(ProblemDetails.CONTENT_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/public\u00ff/../admin/x", "/public/caf\u00c3\u00a9/../../admin/x", "/public/\u0085/../../admin"})
    void aPathWithRawBytesBeyondAscii_isRefused_whateverTheBytes(String latin1) throws Exception {
        start(gateway());

        byte[] head = ("GET /auth/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + USER
                + "\r\nConnection: close\r\nX-Forwarded-Uri: " + latin1 + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(head);
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 403 ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/auth/forward/public/../admin/x", "/auth/forward/public/%2e%2e/admin/x",
        "/auth/forward/public//../admin/x", "/auth/forward/admin/../../forward/public/x", "/auth/forward/public/..;/admin/x"})
    void anAppendedPathThatLeadsIntoAdmin_asARawRequestLine_isNeverLetThroughWithoutTheRole(String target) throws Exception {
        start(gateway());

        byte[] head = ("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + USER
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(head);
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertThat(answer).as(target).matches("(?s)HTTP/1\\.1 4\\d\\d .*");
        }
    }

    @Test
    void theOriginalPath_mayBeAppendedToTheRoute_asEnvoysPathPrefixDoes() throws Exception {
        start(gateway());

        assertThat(send(request("/auth/forward/admin/users?x=1").header("Authorization", "Bearer " + USER)).statusCode())
                .isEqualTo(403);
        assertThat(send(request("/auth/forward/public/x")).statusCode()).isEqualTo(200);
        assertThat(send(request("/auth/forward/app/x").header("X-Forwarded-Uri", "/public/x")).statusCode())
                .as("two different original paths").isEqualTo(400);
    }

    @Test
    void aPeerThatIsNotATrustedProxy_sendingTheOriginalPathOrMethod_isRefused_sinceItCouldNameAnyPath() throws Exception {
        server = start(WebSettings.defaults().withGateway(gateway()));

        assertThat(verify("/public/x", null).statusCode()).isEqualTo(403);
        assertThat(send(request("/auth/verify").header("X-Original-URI", "/public/x")).statusCode()).isEqualTo(403);
        assertThat(send(request("/auth/verify").header("Authorization", "Bearer " + USER).header("X-Forwarded-Method", "GET"))
                .statusCode()).isEqualTo(403);
        assertThat(send(request("/auth/forward/public/x")).statusCode()).isEqualTo(403);
        assertThat(send(request("/auth/verify").header("Authorization", "Bearer " + USER)).statusCode())
                .as("a plain check, as before").isEqualTo(200);
    }

    @Test
    void aForwardedHeaderSentTwice_isRefused() throws Exception {
        start(gateway());

        assertThat(send(request("/auth/verify").header("Authorization", "Bearer " + ADMIN)
                .header("X-Forwarded-Uri", "/public/x").header("X-Forwarded-Uri", "/admin/x")).statusCode()).isEqualTo(403);
        assertThat(send(request("/auth/verify").header("Authorization", "Bearer " + ADMIN)
                .header("X-Forwarded-Uri", "/public/x").header("X-Original-URI", "/admin/x")).statusCode()).isEqualTo(403);
        assertThat(send(request("/auth/verify").header("Authorization", "Bearer " + ADMIN).header("X-Forwarded-Uri", "/app/x")
                .header("X-Forwarded-Method", "POST").header("X-Forwarded-Method", "GET")).statusCode()).isEqualTo(403);
    }

    @Test
    void aCookieAuthenticatedUnsafeRequest_mustComeFromTheServicesOwnOrAnAllowedOrigin() throws Exception {
        start(gateway());

        assertThat(cookie("POST", "https://evil.example", null)).isEqualTo(403);
        assertThat(cookie("DELETE", "null", null)).isEqualTo(403);
        assertThat(cookie("PROPFIND", "https://evil.example", null)).as("an unknown method is unsafe").isEqualTo(403);
        assertThat(cookie("POST", null, null)).as("neither Origin nor Sec-Fetch-Site").isEqualTo(403);
        assertThat(cookie("POST", null, "cross-site")).isEqualTo(403);
        assertThat(cookie("POST", null, "same-site")).isEqualTo(403);
        assertThat(cookie("POST", "https://shop.example", null)).as("the forwarded host").isEqualTo(200);
        assertThat(cookie("PUT", APP, null)).as("an allowed origin").isEqualTo(200);
        assertThat(cookie("PATCH", null, "same-origin")).isEqualTo(200);
        assertThat(cookie("GET", "https://evil.example", "cross-site")).as("a safe method").isEqualTo(200);
        assertThat(send(request("/auth/verify").header("Authorization", "Bearer " + USER).header("Origin", "https://evil.example")
                .header("X-Forwarded-Uri", "/app/x").header("X-Forwarded-Method", "POST")).statusCode())
                .as("a bearer token is sent on purpose, never by the browser on its own").isEqualTo(200);
        HttpResponse<String> anyone = send(request("/auth/verify").header("Cookie", TokenCookies.ACCESS + "=" + USER)
                .header("Origin", "https://evil.example").header("X-Forwarded-Uri", "/public/form").header("X-Forwarded-Method", "POST"));
        assertThat(anyone.statusCode()).isEqualTo(200);
        assertThat(anyone.headers().firstValue("X-Inkan-User-Id")).as("a path for anyone, but not as the user").hasValue("");
    }

    @Test
    void everyConfiguredIdentityHeader_isInEvery200_emptyForNobody_andARoleThatIsNoRoleNameIsLeftOut() throws Exception {
        start(gateway().withHeaders(IdentityHeaders.parse("user-id=X-User, roles=X-Roles, email-verified=X-Email-Verified")));

        HttpResponse<String> nobody = verify("/public/x", null);
        assertThat(nobody.headers().map()).containsKeys("x-user", "x-roles", "x-email-verified")
                .doesNotContainKeys("x-inkan-user-id", "x-inkan-session-id", "x-inkan-roles");
        assertThat(nobody.headers().firstValue("X-User")).hasValue("");
        assertThat(nobody.headers().firstValue("X-Roles")).hasValue("");
        HttpResponse<String> odd = verify("/app/x", ODD);
        assertThat(odd.headers().allValues("X-Roles")).containsExactly("reader");
        assertThat(odd.headers().firstValue("X-Email-Verified")).hasValue("false");
        assertThat(odd.headers().map()).doesNotContainKey("x-inkan-roles");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwdw==", "Bearer", "Bearer ", "bearer\u0001"})
    void verify_answersOnly401Or403_toMalformedInput(String authorization) throws Exception {
        start(gateway());

        int status = send(request("/auth/verify").header("Authorization", authorization.replace('\u0001', 'x'))
                .header("X-Forwarded-Uri", "/app/x")).statusCode();
        assertThat(status).isIn(401, 403);
        assertThat(send(request("/auth/verify").header("Authorization", "Bearer " + USER).header("X-Forwarded-Uri", "/app/x")
                .header("X-Forwarded-Method", "get me")).statusCode()).isEqualTo(403);
        assertThat(send(request("/auth/verify").header("Authorization", "Bearer " + "x".repeat(9000))
                .header("X-Forwarded-Uri", "/app/x")).statusCode()).isIn(401, 403);
        assertThat(send(request("/auth/verify").method("PROPFIND", BodyPublishers.noBody())).statusCode()).isIn(200, 401, 403);
    }

    @Test
    void thePage_learnsTheRedirectOrigins() throws Exception {
        start(gateway());

        HttpResponse<String> answer = send(request("/auth/redirect-origins"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JsonBodies.MAPPER.readTree(answer.body()).get("redirect_origins").get(0).asText()).isEqualTo(APP);
    }

    @Test
    void withACookieDomain_theAccessAndCsrfCookiesAreSharedUnderIt_asSecureNotHost_andTheRefreshCookieStaysHome() throws Exception {
        LoginUseCase login = mock(LoginUseCase.class);
        when(login.login(org.mockito.ArgumentMatchers.any())).thenReturn(new dev.inkan.application.port.in.IssuedTokens(USER, user,
                "refresh", Duration.ofDays(7)));
        server = InkanHttpServer.start(new WebUseCases(mock(RegisterUserUseCase.class), login, mock(RefreshTokensUseCase.class),
                mock(LogoutUseCase.class), mock(LogoutEverywhereUseCase.class), verifier, mock(GetUserProfileUseCase.class),
                mock(ListSessionsUseCase.class), mock(EndSessionUseCase.class), mock(AdministerUsersUseCase.class),
                mock(ListSecurityEventsUseCase.class), mock(CountSecurityEventsUseCase.class), AccountMocks.mocks(), () -> true),
                settings(gateway().withCookieDomain("example.com")), "127.0.0.1", 0);

        HttpResponse<String> answer = send(request("/auth/login").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"email\":\"ann@example.com\",\"password\":\"pw\"}")));
        assertThat(answer.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                        .startsWith("__Secure-inkan_access=" + USER + "; Domain=example.com; Path=/;"))
                .anySatisfy(c -> assertThat(c).startsWith("__Secure-inkan_csrf=").contains("; Domain=example.com; Path=/;"))
                .anySatisfy(c -> assertThat(c).startsWith("__Secure-inkan_refresh=refresh; Path=/auth;").doesNotContain("Domain"))
                .noneSatisfy(c -> assertThat(c).startsWith("__Host-"));
        assertThat(send(request("/auth/verify").header("Cookie", "__Secure-inkan_access=" + USER)).statusCode()).isEqualTo(200);
        assertThat(send(request("/auth/verify").header("Cookie", TokenCookies.ACCESS + "=" + USER)).statusCode())
                .as("only the configured name counts").isEqualTo(401);
    }

    private int cookie(String method, String origin, String site) throws Exception {
        HttpRequest.Builder request = request("/auth/verify").header("Cookie", TokenCookies.ACCESS + "=" + USER)
                .header("X-Forwarded-Uri", "/app/x").header("X-Forwarded-Method", method).header("X-Forwarded-Host", "shop.example");
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (site != null) {
            request.header("Sec-Fetch-Site", site);
        }
        return send(request).statusCode();
    }

    private HttpResponse<String> verify(String forwardedUri, String token) throws Exception {
        HttpRequest.Builder request = request("/auth/verify").header("X-Forwarded-Uri", forwardedUri);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private HttpResponse<String> browserWithoutToken(String proto, String host, String uri) throws Exception {
        return send(request("/auth/forward").header("Accept", "text/html").header("X-Forwarded-Proto", proto)
                .header("X-Forwarded-Host", host).header("X-Forwarded-Uri", uri));
    }

    private static Optional<String> returnTo(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        int at = location.indexOf("return_to=");
        return at < 0 ? Optional.empty()
                : Optional.of(URLDecoder.decode(location.substring(at + "return_to=".length()), StandardCharsets.UTF_8));
    }

    private static GatewaySettings gateway() {
        return new GatewaySettings(ForwardAuthRules.parse("/admin/=role:admin, /public/=anyone"), IdentityHeaders.defaults(),
                Optional.of(URI.create(LOGIN)), List.of(APP), Optional.empty());
    }

    private static WebSettings settings(GatewaySettings gateway) {
        return new WebSettings(TokenTransport.BOTH, List.of(), RateLimitSettings.defaults(), TrustedProxies.parse("127.0.0.1"),
                WebSettings.DEFAULT_PASSWORD_REQUESTS_AT_ONCE, gateway);
    }

    private void start(GatewaySettings gateway) {
        server = start(settings(gateway));
    }

    private InkanHttpServer start(WebSettings settings) {
        return InkanHttpServer.start(new WebUseCases(mock(RegisterUserUseCase.class), mock(LoginUseCase.class),
                mock(RefreshTokensUseCase.class), mock(LogoutUseCase.class), mock(LogoutEverywhereUseCase.class), verifier,
                mock(GetUserProfileUseCase.class), mock(ListSessionsUseCase.class), mock(EndSessionUseCase.class),
                mock(AdministerUsersUseCase.class),
                mock(ListSecurityEventsUseCase.class), mock(CountSecurityEventsUseCase.class), AccountMocks.mocks(), () -> true), settings, "127.0.0.1", 0);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), BodyHandlers.ofString());
    }

    private static AccessTokenClaims claims(List<String> roles) {
        return new AccessTokenClaims("inkan", new UserId(UUID.randomUUID()), List.of("inkan"), Instant.ofEpochSecond(1_700_000_000),
                Instant.ofEpochSecond(1_700_000_900), Optional.empty(), "jti-" + UUID.randomUUID(), new SessionId(UUID.randomUUID()),
                roles, 0, Map.of());
    }
}

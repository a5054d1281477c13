package dev.inkan.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.inkan.application.port.in.AdministerUsersUseCase;
import dev.inkan.application.port.in.CountSecurityEventsUseCase;
import dev.inkan.application.port.in.EndSessionUseCase;
import dev.inkan.application.port.in.GetUserProfileUseCase;
import dev.inkan.application.port.in.IssuedTokens;
import dev.inkan.application.port.in.ListSecurityEventsUseCase;
import dev.inkan.application.port.in.ListSessionsUseCase;
import dev.inkan.application.port.in.LoginUseCase;
import dev.inkan.application.port.in.LogoutEverywhereUseCase;
import dev.inkan.application.port.in.LogoutUseCase;
import dev.inkan.application.port.in.RefreshCommand;
import dev.inkan.application.port.in.RefreshTokensUseCase;
import dev.inkan.application.port.in.RegisterUserUseCase;
import dev.inkan.application.port.in.RegisteredUser;
import dev.inkan.application.port.in.Registration;
import dev.inkan.application.port.in.VerifyAccessTokenUseCase;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.Email;
import dev.inkan.domain.InvalidCredentialsException;
import dev.inkan.domain.InvalidRefreshTokenException;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a browser and an attacker see at the edge: cookies, CSRF, CORS and the abuse limits. */
class BrowserEdgeTest {

    private static final String ACCESS = "access.token.value";
    private static final String REFRESH = "refresh-token-value";

    private final RegisterUserUseCase register = mock(RegisterUserUseCase.class);
    private final LoginUseCase login = mock(LoginUseCase.class);
    private final RefreshTokensUseCase refresh = mock(RefreshTokensUseCase.class);
    private final LogoutUseCase logout = mock(LogoutUseCase.class);
    private final VerifyAccessTokenUseCase verifier = mock(VerifyAccessTokenUseCase.class);
    private final HttpClient client = HttpClient.newHttpClient();
    private final AccessTokenClaims claims = new AccessTokenClaims("inkan", new UserId(UUID.randomUUID()), List.of("inkan"),
            Instant.ofEpochSecond(1_700_000_000), Instant.ofEpochSecond(1_700_000_900), Optional.empty(), "jti",
            new SessionId(UUID.randomUUID()), List.of(), 0, Map.of());
    private final String csrf = claims.sessionId() + ".csrf-value";
    private InkanHttpServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void cookieLogin_setsExactlyTheseCookies_andKeepsTokensOutOfTheBody() throws Exception {
        start(new WebSettings(TokenTransport.COOKIE, List.of(), RateLimitSettings.defaults()));
        when(login.login(any())).thenReturn(new IssuedTokens(ACCESS, claims, REFRESH, Duration.ofDays(7)));

        HttpResponse<String> response = post("/auth/login", "{\"email\":\"ann@example.com\",\"password\":\"pw\"}");

        List<String> cookies = response.headers().allValues("Set-Cookie");
        String csrf = JsonBodies.MAPPER.readTree(response.body()).get("csrf_token").asText();
        assertThat(cookies).containsExactlyInAnyOrder(
                "__Host-inkan_access=" + ACCESS + "; Path=/; Max-Age=900; Secure; HttpOnly; SameSite=Strict",
                "__Secure-inkan_refresh=" + REFRESH + "; Path=/auth; Max-Age=604800; Secure; HttpOnly; SameSite=Strict",
                "__Host-inkan_csrf=" + csrf + "; Path=/; Max-Age=604800; Secure; SameSite=Strict");
        assertThat(response.body()).doesNotContain(ACCESS).doesNotContain(REFRESH);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Pragma")).hasValue("no-cache");
    }

    @Test
    void cookieAuthenticatedPost_withoutTheCsrfProof_is403_andWithItSucceeds() throws Exception {
        start(new WebSettings(TokenTransport.BOTH, List.of(), RateLimitSettings.defaults()));
        when(verifier.verify(ACCESS)).thenReturn(claims);
        String cookies = "__Host-inkan_access=" + ACCESS + "; __Host-inkan_csrf=" + csrf;

        HttpResponse<String> noProof = send(request("/auth/logout").header("Cookie", cookies).POST(BodyPublishers.noBody()));
        HttpResponse<String> wrongProof = send(request("/auth/logout").header("Cookie", cookies)
                .header("X-CSRF-Token", csrf + "f").POST(BodyPublishers.noBody()));
        HttpResponse<String> foreignOrigin = send(request("/auth/logout").header("Cookie", cookies)
                .header("X-CSRF-Token", csrf).header("Origin", "https://evil.example").POST(BodyPublishers.noBody()));
        String otherSessions = UUID.randomUUID() + ".csrf-value";
        HttpResponse<String> proofOfAnotherSession = send(request("/auth/logout")
                .header("Cookie", "__Host-inkan_access=" + ACCESS + "; __Host-inkan_csrf=" + otherSessions)
                .header("X-CSRF-Token", otherSessions).POST(BodyPublishers.noBody()));

        assertThat(noProof.statusCode()).isEqualTo(403);
        assertThat(noProof.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(wrongProof.statusCode()).isEqualTo(403);
        assertThat(foreignOrigin.statusCode()).isEqualTo(403);
        assertThat(proofOfAnotherSession.statusCode()).isEqualTo(403);
        verify(logout, never()).logout(any(), any());

        HttpResponse<String> withProof = send(request("/auth/logout").header("Cookie", cookies)
                .header("X-CSRF-Token", csrf).header("Origin", "http://127.0.0.1:" + server.port()).POST(BodyPublishers.noBody()));

        assertThat(withProof.statusCode()).isEqualTo(204);
        verify(logout).logout(org.mockito.ArgumentMatchers.eq(claims), any());
        assertThat(withProof.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("__Host-inkan_access=;").contains("Max-Age=0"));
    }

    @Test
    void cookieAuthenticatedGet_needsNoCsrfProof_andBearerRequestsNeverDo() throws Exception {
        start(new WebSettings(TokenTransport.BOTH, List.of(), RateLimitSettings.defaults()));
        when(verifier.verify(ACCESS)).thenReturn(claims);

        assertThat(send(request("/auth/verify").header("Cookie", "__Host-inkan_access=" + ACCESS).GET()).statusCode()).isEqualTo(200);
        assertThat(send(request("/auth/logout").header("Authorization", "Bearer " + ACCESS).POST(BodyPublishers.noBody())).statusCode())
                .isEqualTo(204);
    }

    @Test
    void refreshFromTheCookie_needsTheCsrfProof() throws Exception {
        start(new WebSettings(TokenTransport.COOKIE, List.of(), RateLimitSettings.defaults()));
        when(refresh.refresh(cookieRefresh(REFRESH)))
                .thenReturn(new IssuedTokens("new.access.token", claims, "new-refresh", Duration.ofDays(7)));
        String cookies = "__Secure-inkan_refresh=" + REFRESH + "; __Host-inkan_csrf=" + csrf;

        assertThat(send(request("/auth/refresh").header("Cookie", cookies).POST(BodyPublishers.noBody())).statusCode()).isEqualTo(403);
        HttpResponse<String> refreshed = send(request("/auth/refresh").header("Cookie", cookies).header("X-CSRF-Token", csrf)
                .POST(BodyPublishers.noBody()));

        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(refreshed.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("__Secure-inkan_refresh=new-refresh;"));
        assertThat(refreshed.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("__Host-inkan_csrf=" + claims.sessionId() + "."));
    }

    @Test
    void aRefreshCookiePlantedFromASiblingDomain_isRefusedAlone_andPassedOverBesideTheBrowsersOwn() throws Exception {
        start(new WebSettings(TokenTransport.COOKIE, List.of(), RateLimitSettings.defaults()));
        String planted = "attackers-refresh-token";
        when(refresh.refresh(cookieRefresh(planted)))
                .thenThrow(new InvalidRefreshTokenException(InvalidRefreshTokenException.Reason.OTHER_SESSION));
        when(refresh.refresh(cookieRefresh(REFRESH)))
                .thenReturn(new IssuedTokens("new.access.token", claims, "new-refresh", Duration.ofDays(7)));

        HttpResponse<String> alone = send(request("/auth/refresh").header("X-CSRF-Token", csrf)
                .header("Cookie", "__Secure-inkan_refresh=" + planted + "; __Host-inkan_csrf=" + csrf).POST(BodyPublishers.noBody()));
        HttpResponse<String> beside = send(request("/auth/refresh").header("X-CSRF-Token", csrf)
                .header("Cookie", "__Secure-inkan_refresh=" + planted + "; __Secure-inkan_refresh=" + REFRESH
                        + "; __Host-inkan_csrf=" + csrf).POST(BodyPublishers.noBody()));

        assertThat(alone.statusCode()).isEqualTo(401);
        assertThat(alone.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).startsWith("__Host-inkan_access="));
        assertThat(beside.statusCode()).isEqualTo(200);
        assertThat(beside.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("__Secure-inkan_refresh=new-refresh;"));
    }

    @Test
    void plantedGarbageRefreshCookies_beforeTheBrowsersOwn_areSkipped_soTheBrowserStillRefreshes() throws Exception {
        start(new WebSettings(TokenTransport.COOKIE, List.of(), RateLimitSettings.defaults()));
        when(refresh.refresh(cookieRefresh("planted-garbage")))
                .thenThrow(new InvalidRefreshTokenException(InvalidRefreshTokenException.Reason.UNKNOWN));
        when(refresh.refresh(cookieRefresh(REFRESH)))
                .thenReturn(new IssuedTokens("new.access.token", claims, "new-refresh", Duration.ofDays(7)));

        HttpResponse<String> refreshed = send(request("/auth/refresh").header("X-CSRF-Token", csrf)
                .header("Cookie", "__Secure-inkan_refresh=" + "x".repeat(600) + "; __Secure-inkan_refresh=planted-garbage"
                        + "; __Secure-inkan_refresh=" + REFRESH + "; __Host-inkan_csrf=" + csrf).POST(BodyPublishers.noBody()));
        HttpResponse<String> onlyGarbage = send(request("/auth/refresh").header("X-CSRF-Token", csrf)
                .header("Cookie", "__Secure-inkan_refresh=planted-garbage; __Host-inkan_csrf=" + csrf).POST(BodyPublishers.noBody()));

        assertThat(refreshed.statusCode()).isEqualTo(200);
        assertThat(onlyGarbage.statusCode()).isEqualTo(401);
        assertThat(onlyGarbage.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void cookieOnlyTransport_ignoresBearerHeaders_andBearerOnlyIgnoresCookies() throws Exception {
        start(new WebSettings(TokenTransport.COOKIE, List.of(), RateLimitSettings.defaults()));
        when(verifier.verify(ACCESS)).thenReturn(claims);
        assertThat(send(request("/auth/verify").header("Authorization", "Bearer " + ACCESS).GET()).statusCode()).isEqualTo(401);
        server.close();

        start(new WebSettings(TokenTransport.BEARER, List.of(), RateLimitSettings.defaults()));
        assertThat(send(request("/auth/verify").header("Cookie", "__Host-inkan_access=" + ACCESS).GET()).statusCode()).isEqualTo(401);
    }

    @Test
    void theSixthWrongPasswordInAWindow_is429WithRetryAfter_andTheRightPasswordWorksOnceTheWindowPasses() throws Exception {
        start(new WebSettings(TokenTransport.BEARER, List.of(), new RateLimitSettings(true, Duration.ofSeconds(2), 5, 100, 100, 100)));
        when(login.login(argThat(c -> c != null && c.password().value().equals("wrong")))).thenThrow(new InvalidCredentialsException());
        when(login.login(argThat(c -> c != null && c.password().value().equals("right"))))
                .thenReturn(new IssuedTokens(ACCESS, claims, REFRESH, Duration.ofDays(7)));

        for (int i = 1; i <= 5; i++) {
            assertThat(post("/auth/login", credentials("wrong")).statusCode()).as("attempt %d", i).isEqualTo(401);
        }
        HttpResponse<String> sixth = post("/auth/login", credentials("wrong"));
        HttpResponse<String> rightTooEarly = post("/auth/login", credentials("right"));

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 2));
        assertThat(sixth.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(rightTooEarly.statusCode()).isEqualTo(429);
        assertThat(post("/auth/login", "{\"email\":\"other@example.com\",\"password\":\"right\"}").statusCode())
                .as("other accounts are not affected").isEqualTo(200);

        Thread.sleep(2_100);

        assertThat(post("/auth/login", credentials("right")).statusCode()).isEqualTo(200);
    }

    @Test
    void theEleventhRegistrationFromOneAddressInAMinute_is429WithRetryAfter_andLoginsFromItCarryOn() throws Exception {
        start(WebSettings.defaults());
        when(register.signUp(any())).thenReturn(new Registration(Optional.of(new RegisteredUser(claims.subject(), new Email("ann@example.com")))));
        when(login.login(any())).thenReturn(new IssuedTokens(ACCESS, claims, REFRESH, Duration.ofDays(7)));

        for (int i = 1; i <= 10; i++) {
            assertThat(post("/auth/register", newAccount(i)).statusCode()).as("registration %d", i).isEqualTo(201);
        }
        HttpResponse<String> eleventh = post("/auth/register", newAccount(11));

        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 60));
        assertThat(eleventh.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        verify(register, org.mockito.Mockito.times(10)).signUp(any());
        assertThat(post("/auth/login", credentials("right")).statusCode()).as("logins count apart").isEqualTo(200);
    }

    @Test
    void disabledRateLimits_neverAnswer429() throws Exception {
        start(new WebSettings(TokenTransport.BEARER, List.of(), new RateLimitSettings(false, Duration.ofMinutes(1), 1, 1, 1, 1)));
        when(login.login(any())).thenThrow(new InvalidCredentialsException());
        when(register.signUp(any())).thenReturn(new Registration(Optional.of(new RegisteredUser(claims.subject(), new Email("ann@example.com")))));

        for (int i = 0; i < 10; i++) {
            assertThat(post("/auth/login", credentials("wrong")).statusCode()).isEqualTo(401);
            assertThat(post("/auth/register", newAccount(i)).statusCode()).isEqualTo(201);
        }
    }

    @Test
    void cors_allowsCredentialsForListedOrigins_only() throws Exception {
        start(new WebSettings(TokenTransport.BOTH, List.of("https://app.example"), RateLimitSettings.defaults()));

        HttpResponse<String> listed = send(request("/health").header("Origin", "https://app.example").GET());
        HttpResponse<String> unlisted = send(request("/health").header("Origin", "https://evil.example").GET());

        assertThat(listed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
        assertThat(listed.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(unlisted.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void noCorsByDefault() throws Exception {
        start(WebSettings.defaults());

        assertThat(send(request("/health").header("Origin", "https://app.example").GET()).headers()
                .firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static String newAccount(int number) {
        return "{\"email\":\"user" + number + "@example.com\",\"password\":\"correct horse battery\"}";
    }

    private static String credentials(String password) {
        return "{\"email\":\"ann@example.com\",\"password\":\"" + password + "\"}";
    }

    /** A refresh of {@code token} from its cookie, bound to the session of the CSRF proof, from wherever the request came. */
    private RefreshCommand cookieRefresh(String token) {
        return argThat(command -> command != null && command.refreshToken().equals(token)
                && command.session().equals(Optional.of(claims.sessionId())));
    }

    private void start(WebSettings settings) {
        server = InkanHttpServer.start(new WebUseCases(register, login, refresh, logout,
                mock(LogoutEverywhereUseCase.class), verifier, mock(GetUserProfileUseCase.class), mock(ListSessionsUseCase.class),
                mock(EndSessionUseCase.class), mock(AdministerUsersUseCase.class),
                mock(ListSecurityEventsUseCase.class), mock(CountSecurityEventsUseCase.class), AccountMocks.mocks(), () -> true), settings, "127.0.0.1", 0);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json").POST(BodyPublishers.ofString(json)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), BodyHandlers.ofString());
    }

}

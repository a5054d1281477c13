package dev.inkan.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
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
import dev.inkan.application.port.in.RefreshTokensUseCase;
import dev.inkan.application.port.in.RegisterUserUseCase;
import dev.inkan.application.port.in.VerifyAccessTokenUseCase;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A host's Javalin with Inkan's plugin: Inkan's routes under a prefix, the host's own route protected. */
class InkanJavalinPluginTest {

    private final VerifyAccessTokenUseCase verifier = mock(VerifyAccessTokenUseCase.class);
    private final LoginUseCase login = mock(LoginUseCase.class);
    private final HttpClient client = HttpClient.newHttpClient();
    private final AccessTokenClaims claims = new AccessTokenClaims("inkan", new UserId(UUID.randomUUID()), List.of("inkan"),
            Instant.ofEpochSecond(1_700_000_000), Instant.ofEpochSecond(1_700_000_900), Optional.empty(), "jti",
            new SessionId(UUID.randomUUID()), List.of(), 0, Map.of());
    private Javalin host;

    @BeforeEach
    void startHost() {
        WebUseCases useCases = new WebUseCases(mock(RegisterUserUseCase.class), login, mock(RefreshTokensUseCase.class),
                mock(LogoutUseCase.class), mock(LogoutEverywhereUseCase.class), verifier, mock(GetUserProfileUseCase.class),
                mock(ListSessionsUseCase.class), mock(EndSessionUseCase.class), mock(AdministerUsersUseCase.class),
                mock(ListSecurityEventsUseCase.class), mock(CountSecurityEventsUseCase.class), AccountMocks.mocks(), () -> true);
        host = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.registerPlugin(new InkanJavalinPlugin(useCases, inkan -> {
                inkan.prefix = "/inkan";
                inkan.protect("/api/*");
                inkan.requireRole("admin", "/admin/*");
            }));
            config.routes.get("/api/hello", ctx -> ctx.result("hello " + InkanPrincipal.of(ctx).userId()));
            config.routes.get("/admin/panel", ctx -> ctx.result("roles " + InkanPrincipal.of(ctx).roles()
                    + " tenant " + InkanPrincipal.of(ctx).customClaims().get("tenant")
                    + " verified " + InkanPrincipal.of(ctx).emailVerified()));
            config.routes.get("/public", ctx -> ctx.result("open to all"));
        }).start("127.0.0.1", 0);
        when(verifier.verify("good.token.here")).thenReturn(claims);
        when(verifier.verify("admin.token.here")).thenReturn(new AccessTokenClaims("inkan", claims.subject(), List.of("inkan"),
                claims.issuedAt(), claims.expiresAt(), Optional.empty(), "jti-2", claims.sessionId(), List.of("admin", "billing:read"),
                1, Map.of("tenant", "acme"), true));
        when(verifier.verify("bad.token.here")).thenThrow(new InvalidTokenException(InvalidTokenException.Reason.BAD_SIGNATURE));
    }

    @AfterEach
    void stopHost() {
        host.stop();
    }

    @Test
    void theHostsProtectedRoute_is401WithoutAToken_andSeesTheUserWithOne() throws Exception {
        HttpResponse<String> anonymous = get("/api/hello", null);
        HttpResponse<String> forged = get("/api/hello", "bad.token.here");
        HttpResponse<String> signedIn = get("/api/hello", "good.token.here");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).isEqualTo("hello " + claims.subject());
        assertThat(get("/public", null).statusCode()).as("unprotected host routes stay open").isEqualTo(200);
    }

    @Test
    void aRouteThatNeedsARole_is401WithoutAToken_403WithoutTheRole_andSeesRolesAndClaimsWithIt() throws Exception {
        HttpResponse<String> anonymous = get("/admin/panel", null);
        HttpResponse<String> withoutTheRole = get("/admin/panel", "good.token.here");
        HttpResponse<String> admin = get("/admin/panel", "admin.token.here");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(withoutTheRole.statusCode()).isEqualTo(403);
        assertThat(withoutTheRole.headers().firstValue("WWW-Authenticate").orElseThrow())
                .isEqualTo("Bearer realm=\"inkan\", error=\"insufficient_scope\"");
        assertThat(withoutTheRole.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(withoutTheRole.body()).contains("insufficient-role").doesNotContain("admin\"");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).isEqualTo("roles [admin, billing:read] tenant acme verified true");
        assertThat(get("/inkan/auth/verify", "admin.token.here").body())
                .contains("\"rv\":1,\"roles\":[\"admin\",\"billing:read\"],\"email_verified\":true,\"tenant\":\"acme\"");
    }

    @Test
    void requireRole_refusesWhatIsNotARoleName_atConfiguration() {
        assertThatThrownBy(() -> new InkanJavalinPlugin.Config().requireRole("Admin Users", "/x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inkansRoutes_areMountedUnderThePrefix_andTheRefreshCookieIsScopedToIt() throws Exception {
        when(login.login(any())).thenReturn(new IssuedTokens("good.token.here", claims, "refresh", Duration.ofDays(7)));

        HttpResponse<String> loggedIn = client.send(HttpRequest.newBuilder(uri("/inkan/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"ann@example.com\",\"password\":\"pw\"}")).build(),
                BodyHandlers.ofString());

        assertThat(loggedIn.statusCode()).isEqualTo(200);
        assertThat(loggedIn.body()).contains("\"access_token\":\"good.token.here\"");
        assertThat(loggedIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("Path=/inkan/auth;"));
        assertThat(get("/inkan/auth/verify", "good.token.here").statusCode()).isEqualTo(200);
        assertThat(get("/auth/verify", "good.token.here").statusCode()).as("nothing outside the prefix").isEqualTo(404);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + host.port() + path);
    }
}

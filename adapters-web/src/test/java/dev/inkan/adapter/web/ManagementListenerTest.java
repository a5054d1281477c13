package dev.inkan.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.inkan.application.port.in.AdministerUsersUseCase;
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
import dev.inkan.domain.InvalidCredentialsException;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.SecurityEventType;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} on the management listener: there, and only there. */
class ManagementListenerTest {

    private static final String TOKEN = "header.payload.signature";

    private final LoginUseCase login = mock(LoginUseCase.class);
    private final VerifyAccessTokenUseCase verifier = mock(VerifyAccessTokenUseCase.class);
    private final WebUseCases useCases = new WebUseCases(mock(RegisterUserUseCase.class), login, mock(RefreshTokensUseCase.class),
            mock(LogoutUseCase.class), mock(LogoutEverywhereUseCase.class), verifier, mock(GetUserProfileUseCase.class),
            mock(ListSessionsUseCase.class), mock(EndSessionUseCase.class), mock(AdministerUsersUseCase.class),
            mock(ListSecurityEventsUseCase.class), type -> type == SecurityEventType.LOGIN_FAILED ? 3 : 0, AccountMocks.mocks(), () -> true);
    private final HttpClient client = HttpClient.newHttpClient();
    private InkanHttpServer server;

    @BeforeEach
    void start() {
        server = InkanHttpServer.start(useCases, WebSettings.defaults(), RateLimitBuckets.inMemory(), "127.0.0.1", 0,
                Optional.of(new ManagementListener("127.0.0.1", 0)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void metrics_countLoginsByOutcome_refusalsByReason_andTimeRequestsByRoute_onTheManagementPort() throws Exception {
        when(login.login(any())).thenThrow(new InvalidCredentialsException());
        when(verifier.verify(TOKEN)).thenThrow(new InvalidTokenException(InvalidTokenException.Reason.EXPIRED));
        send(api("/auth/login").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"email\":\"a@b.c\",\"password\":\"pw\"}")));
        send(api("/auth/verify").header("Authorization", "Bearer " + TOKEN).GET());
        send(api("/auth/sessions/" + UUID.randomUUID()).DELETE());

        HttpResponse<String> metrics = send(management("/metrics").GET());

        assertThat(server.managementPort()).isPresent().isNotEqualTo(java.util.OptionalInt.of(server.port()));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("inkan_logins_total{outcome=\"invalid_credentials\"} 1.0")
                .contains("inkan_token_refusals_total{reason=\"expired\"} 1.0")
                .contains("inkan_http_requests_seconds_bucket")
                .contains("route=\"/auth/sessions/{id}\"")
                .contains("inkan_security_events_total{type=\"login_failed\"} 3.0")
                .contains("inkan_security_events_total{type=\"account_deleted\"} 0.0")
                .doesNotContain(TOKEN);
    }

    @Test
    void thePublicPort_answers404ProblemAtMetrics() throws Exception {
        HttpResponse<String> metrics = send(api("/metrics").GET());

        assertThat(metrics.statusCode()).isEqualTo(404);
        assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(metrics.body()).doesNotContain("inkan_");
    }

    @Test
    void theManagementPort_servesNothingButMetrics_andAnswers404ProblemElsewhere() throws Exception {
        for (String path : new String[] {"/auth/verify", "/", "/health", "/openapi.json"}) {
            HttpResponse<String> response = send(management(path).header("Authorization", "Bearer " + TOKEN).GET());

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
        verify(verifier, never()).verify(any());
    }

    @Test
    void aManagementPortThatIsTaken_failsTheStart_sayingWhere() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> InkanHttpServer.start(useCases, WebSettings.defaults(), RateLimitBuckets.inMemory(),
                    "127.0.0.1", 0, Optional.of(new ManagementListener("127.0.0.1", taken.getLocalPort()))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void aManagementListener_needsAHostAndAPort() {
        assertThatThrownBy(() -> new ManagementListener(" ", 9090)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ManagementListener("127.0.0.1", 65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ManagementListener("127.0.0.1", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(10));
    }

    private HttpRequest.Builder management(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.managementPort().orElseThrow() + path))
                .timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), BodyHandlers.ofString());
    }
}

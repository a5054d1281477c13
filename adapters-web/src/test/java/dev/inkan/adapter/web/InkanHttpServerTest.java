package dev.inkan.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.application.port.in.AdministerUsersUseCase;
import dev.inkan.application.port.in.CountSecurityEventsUseCase;
import dev.inkan.application.port.in.EndSessionUseCase;
import dev.inkan.application.port.in.GetUserProfileUseCase;
import dev.inkan.application.port.in.IssuedTokens;
import dev.inkan.application.port.in.ListSecurityEventsUseCase;
import dev.inkan.application.port.in.ListSessionsUseCase;
import dev.inkan.application.port.in.LoginCommand;
import dev.inkan.application.port.in.LoginUseCase;
import dev.inkan.application.port.in.LogoutEverywhereUseCase;
import dev.inkan.application.port.in.LogoutUseCase;
import dev.inkan.application.port.in.RefreshTokensUseCase;
import dev.inkan.application.port.in.RegisterCommand;
import dev.inkan.application.port.in.RegisterUserUseCase;
import dev.inkan.application.port.in.RegisteredUser;
import dev.inkan.application.port.in.Registration;
import dev.inkan.application.port.in.SessionSummary;
import dev.inkan.application.port.in.UserProfile;
import dev.inkan.application.port.in.VerifyAccessTokenUseCase;
import dev.inkan.application.port.out.PasswordHashingBusyException;
import dev.inkan.application.port.out.StoreUnavailableException;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.Actor;
import dev.inkan.domain.Email;
import dev.inkan.domain.EmailAlreadyRegisteredException;
import dev.inkan.domain.InvalidCredentialsException;
import dev.inkan.domain.InvalidRefreshTokenException;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.Session;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.SessionNotFoundException;
import dev.inkan.domain.UserId;
import java.io.IOException;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InkanHttpServerTest {

    private static final String TOKEN = "header.payload.signature";

    private final RegisterUserUseCase register = mock(RegisterUserUseCase.class);
    private final LoginUseCase login = mock(LoginUseCase.class);
    private final RefreshTokensUseCase refresh = mock(RefreshTokensUseCase.class);
    private final LogoutUseCase logout = mock(LogoutUseCase.class);
    private final LogoutEverywhereUseCase logoutEverywhere = mock(LogoutEverywhereUseCase.class);
    private final VerifyAccessTokenUseCase verifier = mock(VerifyAccessTokenUseCase.class);
    private final GetUserProfileUseCase profile = mock(GetUserProfileUseCase.class);
    private final ListSessionsUseCase listSessions = mock(ListSessionsUseCase.class);
    private final EndSessionUseCase endSession = mock(EndSessionUseCase.class);
    private boolean databaseUp = true;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private InkanHttpServer server;

    private final UserId userId = new UserId(UUID.randomUUID());
    private final AccessTokenClaims claims = new AccessTokenClaims("inkan", userId, List.of("inkan"),
            Instant.ofEpochSecond(1_700_000_000), Instant.ofEpochSecond(1_700_000_900), Optional.empty(),
            UUID.randomUUID().toString(), new SessionId(UUID.randomUUID()), List.of(), 0, Map.of());

    @BeforeEach
    void start() {
        server = InkanHttpServer.start(new WebUseCases(register, login, refresh, logout, logoutEverywhere, verifier,
                profile, listSessions, endSession, mock(AdministerUsersUseCase.class),
                mock(ListSecurityEventsUseCase.class), mock(CountSecurityEventsUseCase.class), AccountMocks.mocks(), () -> databaseUp), WebSettings.defaults(), "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void register_answers201_withIdAndNormalisedEmail() throws Exception {
        when(register.signUp(any())).thenReturn(new Registration(Optional.of(new RegisteredUser(userId, new Email("ann@example.com")))));

        HttpResponse<String> response = post("/auth/register", "{\"email\":\" Ann@Example.com \",\"password\":\"correct horse\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = json(response);
        assertThat(body.get("id").asText()).isEqualTo(userId.toString());
        assertThat(body.get("email").asText()).isEqualTo("ann@example.com");
        verify(register).signUp(RegisterCommand.of("ann@example.com", "correct horse"));
    }

    @Test
    void login_answersTokenResponse_withNoStoreHeaders() throws Exception {
        when(login.login(any())).thenReturn(new IssuedTokens(TOKEN, claims, "refresh-token", Duration.ofDays(7)));

        HttpResponse<String> response = post("/auth/login", "{\"email\":\"ann@example.com\",\"password\":\"pw\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("access_token").asText()).isEqualTo(TOKEN);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(900);
        assertThat(body.get("refresh_token").asText()).isEqualTo("refresh-token");
        assertThat(body.get("refresh_expires_in").asLong()).isEqualTo(7 * 24 * 3600);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("Pragma")).hasValue("no-cache");
        org.mockito.ArgumentCaptor<LoginCommand> command = org.mockito.ArgumentCaptor.forClass(LoginCommand.class);
        verify(login).login(command.capture());
        assertThat(command.getValue().email()).isEqualTo(new Email("ann@example.com"));
        assertThat(command.getValue().userAgent()).contains("inkan-test/1.0");
        assertThat(command.getValue().origin()).as("where the login came from, for the security log").isEqualTo(
                RequestOrigin.of(Actor.user(), "127.0.0.1", "inkan-test/1.0", response.headers().firstValue("X-Request-Id").orElseThrow()));
    }

    @Test
    void wrongPassword_isRefused_with401ProblemAndChallenge() throws Exception {
        when(login.login(any())).thenThrow(new InvalidCredentialsException());

        HttpResponse<String> response = post("/auth/login", "{\"email\":\"ann@example.com\",\"password\":\"nope\"}");

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void takenEmail_isRefused_with409Problem() throws Exception {
        when(register.signUp(any())).thenThrow(new EmailAlreadyRegisteredException());

        assertProblem(post("/auth/register", "{\"email\":\"ann@example.com\",\"password\":\"correct horse\"}"), 409);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "not json", "[]", "\"text\"", "null", "{\"email\":\"a@b.c\",\"password\":\"long enough\"} {}",
        "{\"email\":123,\"password\":\"long enough\"}", "{\"email\":\"a@b.c\",\"password\":[\"x\"]}",
        "{\"email\":\"a@b.c\"}", "{\"password\":\"long enough\"}", "{\"email\":\"nobody\",\"password\":\"long enough\"}",
        "{\"email\":\"a@b.c\",\"email\":\"d@e.f\",\"password\":\"long enough\"}"
    })
    void malformedRegistration_isRefused_with400Problem(String body) throws Exception {
        assertProblem(post("/auth/register", body), 400);
        verify(register, never()).signUp(any());
    }

    @Test
    void wrongContentType_isRefused_with415Problem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/auth/login"))
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("{\"email\":\"a@b.c\",\"password\":\"pw\"}")));

        assertProblem(response, 415);
    }

    @Test
    void oversizedBody_isRefused_with413Problem() throws Exception {
        String huge = "{\"email\":\"a@b.c\",\"password\":\"" + "x".repeat(70_000) + "\"}";

        assertProblem(post("/auth/login", huge), 413);
        verify(login, never()).login(any());
    }

    @Test
    void unknownRoute_answers404Problem() throws Exception {
        assertProblem(send(HttpRequest.newBuilder(uri("/nothing/here")).GET()), 404);
    }

    @Test
    void hugeHeaders_areRefusedBeforeJavalin_with431Problem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/auth/verify"))
                .header("Authorization", "Bearer " + "a".repeat(20_000)).GET());

        assertProblem(response, 431);
    }

    @Test
    void wrongMethod_answers405Problem() throws Exception {
        assertProblem(send(HttpRequest.newBuilder(uri("/auth/login")).GET()), 405);
    }

    @Test
    void me_withoutToken_answers401_withBareChallenge() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/me")).GET());

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"inkan\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "Token abc"})
    void malformedAuthorization_answers401(String header) throws Exception {
        assertProblem(send(HttpRequest.newBuilder(uri("/auth/verify")).header("Authorization", header).GET()), 401);
    }

    @Test
    void invalidToken_answers401_withInvalidTokenChallenge_andNoReason() throws Exception {
        when(verifier.verify(TOKEN)).thenThrow(new InvalidTokenException(InvalidTokenException.Reason.BAD_SIGNATURE));

        HttpResponse<String> response = get("/auth/verify");

        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
        assertThat(response.body()).doesNotContain("BAD_SIGNATURE").doesNotContain("signature");
    }

    @Test
    void verify_answersTheVerifiedClaims() throws Exception {
        when(verifier.verify(TOKEN)).thenReturn(claims);

        HttpResponse<String> response = get("/auth/verify");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("sub").asText()).isEqualTo(userId.toString());
        assertThat(body.get("aud").asText()).isEqualTo("inkan");
        assertThat(body.get("exp").asLong()).isEqualTo(1_700_000_900L);
        assertThat(body.get("sid").asText()).isEqualTo(claims.sessionId().toString());
        assertThat(body.has("nbf")).isFalse();
    }

    @Test
    void me_answersTheStoredProfile() throws Exception {
        when(verifier.verify(TOKEN)).thenReturn(claims);
        when(profile.profile(userId)).thenReturn(new UserProfile(userId, new Email("ann@example.com"),
                Instant.parse("2026-01-02T03:04:05Z"), false));

        JsonNode body = json(get("/me"));

        assertThat(body.get("id").asText()).isEqualTo(userId.toString());
        assertThat(body.get("email").asText()).isEqualTo("ann@example.com");
        assertThat(body.get("created_at").asText()).isEqualTo("2026-01-02T03:04:05Z");
    }

    @Test
    void logout_answers204_andEndsTheVerifiedSession() throws Exception {
        when(verifier.verify(TOKEN)).thenReturn(claims);

        HttpResponse<String> response = send(authorized("/auth/logout").POST(BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(204);
        verify(logout).logout(org.mockito.ArgumentMatchers.eq(claims), any());
    }

    @Test
    void sessions_listsTheCallersSessions_markingTheCurrentOne() throws Exception {
        when(verifier.verify(TOKEN)).thenReturn(claims);
        Session session = new Session(claims.sessionId(), userId, Instant.parse("2026-11-01T10:00:00Z"),
                Instant.parse("2026-11-02T10:00:00Z"), Optional.of("Firefox"));
        when(listSessions.sessionsOf(claims)).thenReturn(List.of(new SessionSummary(session, true)));

        JsonNode body = json(get("/auth/sessions"));

        JsonNode first = body.get("sessions").get(0);
        assertThat(first.get("id").asText()).isEqualTo(claims.sessionId().toString());
        assertThat(first.get("created_at").asText()).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(first.get("last_used_at").asText()).isEqualTo("2026-11-02T10:00:00Z");
        assertThat(first.get("user_agent").asText()).isEqualTo("Firefox");
        assertThat(first.get("current").asBoolean()).isTrue();
    }

    @Test
    void endingSomeoneElsesSession_answers404Problem_andAMalformedId400() throws Exception {
        when(verifier.verify(TOKEN)).thenReturn(claims);
        SessionId other = new SessionId(UUID.randomUUID());
        org.mockito.Mockito.doThrow(new SessionNotFoundException()).when(endSession)
                .endSession(org.mockito.ArgumentMatchers.eq(claims), org.mockito.ArgumentMatchers.eq(other), any());

        assertProblem(send(authorized("/auth/sessions/" + other).DELETE()), 404);
        assertProblem(send(authorized("/auth/sessions/not-a-uuid").DELETE()), 400);
        assertThat(send(authorized("/auth/sessions/" + claims.sessionId()).DELETE()).statusCode()).isEqualTo(204);
        verify(endSession).endSession(org.mockito.ArgumentMatchers.eq(claims), org.mockito.ArgumentMatchers.eq(claims.sessionId()),
                any());
    }

    @Test
    void refreshWithBadToken_answers401Problem() throws Exception {
        when(refresh.refresh(any())).thenThrow(new InvalidRefreshTokenException(InvalidRefreshTokenException.Reason.REVOKED));

        HttpResponse<String> response = post("/auth/refresh", "{\"refresh_token\":\"abc\"}");

        assertProblem(response, 401);
        assertThat(response.body()).doesNotContain("REVOKED");
    }

    @Test
    void databaseOutage_answers503Problem_withRetryAfter_andNoInternals() throws Exception {
        when(login.login(any())).thenThrow(new StoreUnavailableException("user store unavailable",
                new IllegalStateException("SELECT * FROM users")));

        HttpResponse<String> response = post("/auth/login", "{\"email\":\"a@b.c\",\"password\":\"pw\"}");

        assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.body()).doesNotContain("SELECT");
    }

    @Test
    void busyPasswordHashing_answers503Problem_withRetryAfter_forLoginAndRegisterAlike() throws Exception {
        when(login.login(any())).thenThrow(new PasswordHashingBusyException("every hashing thread is busy"));
        when(register.signUp(any())).thenThrow(new PasswordHashingBusyException("every hashing thread is busy"));

        for (String path : List.of("/auth/login", "/auth/register")) {
            HttpResponse<String> response = post(path, "{\"email\":\"a@b.c\",\"password\":\"correct horse\"}");

            assertProblem(response, 503);
            assertThat(response.headers().firstValue("Retry-After")).as(path).hasValue("1");
            assertThat(json(response).get("type").asText()).isEqualTo("urn:inkan:problem:busy");
        }
    }

    @Test
    void unexpectedFailure_answers500Problem_withoutStackTrace() throws Exception {
        when(login.login(any())).thenThrow(new IllegalStateException("secret internals"));

        HttpResponse<String> response = post("/auth/login", "{\"email\":\"a@b.c\",\"password\":\"pw\"}");

        assertProblem(response, 500);
        assertThat(response.body()).doesNotContain("secret internals").doesNotContain("at dev.inkan");
    }

    @Test
    void health_reportsDatabaseState() throws Exception {
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(json(get("/health")).get("status").asText()).isEqualTo("UP");

        databaseUp = false;

        HttpResponse<String> down = get("/health");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(json(down).get("checks").get("database").asText()).isEqualTo("DOWN");
    }

    @Test
    void thePublicPort_has404ProblemAtMetrics_soCallersCannotLearnWhyTokensAreRefused() throws Exception {
        when(verifier.verify(TOKEN)).thenThrow(new InvalidTokenException(InvalidTokenException.Reason.REVOKED));
        get("/auth/verify");

        HttpResponse<String> metrics = send(HttpRequest.newBuilder(uri("/metrics")).GET());

        assertProblem(metrics, 404);
        assertThat(metrics.body()).doesNotContain("inkan_token_refusals").doesNotContain("revoked");
        assertThat(server.managementPort()).as("no management listener asked for").isEmpty();
    }

    @Test
    void everyResponse_carriesARequestId_andEchoesASaneOne() throws Exception {
        assertThat(get("/health").headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
        assertThat(send(HttpRequest.newBuilder(uri("/health")).header("X-Request-Id", "trace-42").GET()).headers()
                .firstValue("X-Request-Id")).hasValue("trace-42");
        assertThat(send(HttpRequest.newBuilder(uri("/health")).header("X-Request-Id", "bad id\"<script>").GET()).headers()
                .firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).doesNotContain("script"));
    }

    @Test
    void everyResponse_carriesAStrictContentSecurityPolicy() throws Exception {
        assertThat(get("/health").headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'none'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
    }

    @Test
    void everyResponse_carriesNosniff() throws Exception {
        assertThat(get("/health").headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(get("/nothing").headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    private void assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("type").asText()).startsWith("urn:inkan:problem:");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(authorized(path).GET());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("User-Agent", "inkan-test/1.0")
                .POST(BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JsonBodies.MAPPER.readTree(response.body());
    }
}

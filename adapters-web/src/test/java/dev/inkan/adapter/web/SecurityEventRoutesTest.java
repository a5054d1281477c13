package dev.inkan.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.inkan.application.port.in.SecurityEventPage;
import dev.inkan.application.port.in.VerifyAccessTokenUseCase;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.Actor;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.Role;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventCursor;
import dev.inkan.domain.SecurityEventFilter;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /me/events} and {@code GET /admin/events}: what they ask the use case, and how they answer. */
class SecurityEventRoutesTest {

    private static final String USER_TOKEN = "user.token.here";
    private static final String ADMIN_TOKEN = "admin.token.here";

    private final VerifyAccessTokenUseCase verifier = mock(VerifyAccessTokenUseCase.class);
    private final ListSecurityEventsUseCase events = mock(ListSecurityEventsUseCase.class);
    private final HttpClient client = HttpClient.newHttpClient();
    private final UserId ann = new UserId(UUID.randomUUID());
    private final UserId root = new UserId(UUID.randomUUID());
    private InkanHttpServer server;

    @BeforeEach
    void start() {
        when(verifier.verify(USER_TOKEN)).thenReturn(claims(ann, List.of()));
        when(verifier.verify(ADMIN_TOKEN)).thenReturn(claims(root, List.of("admin")));
        server = InkanHttpServer.start(new WebUseCases(mock(RegisterUserUseCase.class), mock(LoginUseCase.class),
                mock(RefreshTokensUseCase.class), mock(LogoutUseCase.class), mock(LogoutEverywhereUseCase.class), verifier,
                mock(GetUserProfileUseCase.class), mock(ListSessionsUseCase.class), mock(EndSessionUseCase.class),
                mock(AdministerUsersUseCase.class), events, mock(CountSecurityEventsUseCase.class), AccountMocks.mocks(), () -> true),
                WebSettings.defaults(), "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void myEvents_areTheCallersOwn_asJson_withTheCursorOfTheNextPage() throws Exception {
        SessionId session = new SessionId(UUID.randomUUID());
        SecurityEvent login = SecurityEvent.of(UUID.randomUUID(), Instant.parse("2026-11-24T15:00:00.123456Z"),
                SecurityEventType.LOGIN_SUCCEEDED, ann, RequestOrigin.of(Actor.user(), "2001:db8::1", "Firefox", "req-1"))
                .withSession(session);
        SecurityEvent granted = SecurityEvent.ofRole(UUID.randomUUID(), Instant.parse("2026-11-24T14:00:00Z"),
                SecurityEventType.ROLE_GRANTED, ann, new Role("billing:read"), RequestOrigin.of(Actor.admin(root)));
        SecurityEventCursor next = SecurityEventCursor.after(granted);
        when(events.ofUser(ann, Optional.empty(), 2)).thenReturn(new SecurityEventPage(List.of(login, granted), Optional.of(next)));
        when(events.ofUser(ann, Optional.of(next), 2)).thenReturn(new SecurityEventPage(List.of(), Optional.empty()));

        HttpResponse<String> first = get("/me/events?limit=2", USER_TOKEN);
        JsonNode body = JsonBodies.MAPPER.readTree(first.body());
        HttpResponse<String> second = get("/me/events?limit=2&before=" + body.get("next").asText(), USER_TOKEN);

        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode shown = body.get("events").get(0);
        assertThat(shown.get("id").asText()).isEqualTo(login.id().toString());
        assertThat(shown.get("type").asText()).isEqualTo("login_succeeded");
        assertThat(shown.get("occurred_at").asText()).isEqualTo("2026-11-24T15:00:00.123456Z");
        assertThat(shown.get("user_id").asText()).isEqualTo(ann.toString());
        assertThat(shown.get("actor").toString()).isEqualTo("{\"kind\":\"user\"}");
        assertThat(shown.get("session_id").asText()).isEqualTo(session.toString());
        assertThat(shown.get("client_address").asText()).isEqualTo("2001:db8::1");
        assertThat(shown.get("user_agent").asText()).isEqualTo("Firefox");
        assertThat(shown.get("request_id").asText()).isEqualTo("req-1");
        assertThat(shown.has("role")).isFalse();
        JsonNode byTheAdmin = body.get("events").get(1);
        assertThat(byTheAdmin.get("actor").toString()).isEqualTo("{\"kind\":\"admin\",\"user_id\":\"" + root + "\"}");
        assertThat(byTheAdmin.get("role").asText()).isEqualTo("billing:read");
        assertThat(byTheAdmin.has("client_address")).isFalse();
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(JsonBodies.MAPPER.readTree(second.body()).toString()).isEqualTo("{\"events\":[],\"next\":null}");
    }

    @Test
    void myEvents_withoutAToken_is401() throws Exception {
        assertThat(get("/me/events", null).statusCode()).isEqualTo(401);
        verifyNoInteractions(events);
    }

    @Test
    void badPagingParameters_are400Problems_thatNeverReachTheLog() throws Exception {
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("12~not-a-uuid".getBytes());
        for (String query : List.of("limit=0", "limit=101", "limit=ten", "before=", "before=not%20base64", "before=" + forged,
                "before=" + "A".repeat(200))) {
            HttpResponse<String> answer = get("/me/events?" + query, USER_TOKEN);
            assertThat(answer.statusCode()).as(query).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
        verifyNoInteractions(events);
    }

    @Test
    void allEvents_needTheAdminRole_checkedBeforeAnyParameter() throws Exception {
        for (String query : List.of("", "?user_id=" + ann, "?type=nonsense", "?limit=0")) {
            HttpResponse<String> answer = get("/admin/events" + query, USER_TOKEN);
            assertThat(answer.statusCode()).as(query).isEqualTo(403);
            assertThat(answer.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("insufficient_scope");
        }
        assertThat(get("/admin/events", null).statusCode()).isEqualTo(401);
        verifyNoInteractions(events);
    }

    @Test
    void allEvents_filterByUserAndType_andRefuseBadFiltersWith400() throws Exception {
        when(events.all(any(), any(), anyInt())).thenReturn(new SecurityEventPage(List.of(), Optional.empty()));

        assertThat(get("/admin/events?user_id=" + ann + "&type=role_revoked&limit=5", ADMIN_TOKEN).statusCode()).isEqualTo(200);
        assertThat(get("/admin/events", ADMIN_TOKEN).statusCode()).isEqualTo(200);

        verify(events).all(new SecurityEventFilter(Optional.of(ann), Optional.of(SecurityEventType.ROLE_REVOKED)), Optional.empty(), 5);
        verify(events).all(eq(SecurityEventFilter.all()), eq(Optional.empty()), eq(ListSecurityEventsUseCase.DEFAULT_PAGE));
        HttpResponse<String> badType = get("/admin/events?type=nonsense", ADMIN_TOKEN);
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(JsonBodies.MAPPER.readTree(badType.body()).get("detail").asText()).contains("login_failed");
        assertThat(get("/admin/events?user_id=not-a-uuid", ADMIN_TOKEN).statusCode()).isEqualTo(400);
        assertThat(get("/admin/events?limit=500", ADMIN_TOKEN).statusCode()).isEqualTo(400);
    }

    private static AccessTokenClaims claims(UserId user, List<String> roles) {
        return new AccessTokenClaims("inkan", user, List.of("inkan"), Instant.ofEpochSecond(1_700_000_000),
                Instant.ofEpochSecond(1_700_000_900), Optional.empty(), UUID.randomUUID().toString(), new SessionId(UUID.randomUUID()),
                roles, 0, Map.of());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), BodyHandlers.ofString());
    }
}

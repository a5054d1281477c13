package dev.inkan.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.adapter.web.SseClient.Event;
import dev.inkan.application.port.in.AdministerUsersUseCase;
import dev.inkan.application.port.in.CountSecurityEventsUseCase;
import dev.inkan.application.port.in.EndSessionUseCase;
import dev.inkan.application.port.in.GetUserProfileUseCase;
import dev.inkan.application.port.in.IssueGatewayTokenUseCase;
import dev.inkan.application.port.in.ListSecurityEventsUseCase;
import dev.inkan.application.port.in.ListSessionsUseCase;
import dev.inkan.application.port.in.LoginUseCase;
import dev.inkan.application.port.in.LogoutEverywhereUseCase;
import dev.inkan.application.port.in.LogoutUseCase;
import dev.inkan.application.port.in.PublicKeys;
import dev.inkan.application.port.in.RefreshTokensUseCase;
import dev.inkan.application.port.in.RegisterUserUseCase;
import dev.inkan.application.port.in.StreamRevocationsUseCase;
import dev.inkan.application.port.in.VerifyAccessTokenUseCase;
import dev.inkan.application.service.StreamRevocationsService;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.Revocation;
import dev.inkan.domain.Revocation.RolesRevoked;
import dev.inkan.domain.Revocation.SessionRevoked;
import dev.inkan.domain.Revocation.TokenRevoked;
import dev.inkan.domain.Revocation.UserDeleted;
import dev.inkan.domain.Revocation.UserTokensRevoked;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /auth/revocations} over real HTTP: who may follow it, catch-up, live events, heartbeats, and its end. */
class RevocationStreamHttpTest {

    private static final String FEED_TOKEN = "feed-token-0123456789abcdefghijklmnop";
    private static final String OTHER_FEED_TOKEN = "other-feed-token-0123456789abcdefghijk";
    private static final Duration HEARTBEAT = Duration.ofMillis(300);
    private static final Duration SOON = Duration.ofSeconds(5);
    private static final Instant UNTIL = Instant.now().plus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
    private static final UserId ALICE = new UserId(UUID.randomUUID());
    private static final SessionId SERVICE_SESSION = new SessionId(UUID.randomUUID());

    private final HttpClient client = HttpClient.newHttpClient();
    private final InkanRevocationServer servers = new InkanRevocationServer();
    private final InMemoryRevocationLog log = new InMemoryRevocationLog();
    private final VerifyAccessTokenUseCase verify = mock(VerifyAccessTokenUseCase.class);
    private final List<SseClient> streams = new ArrayList<>();

    @AfterEach
    void stop() {
        streams.forEach(SseClient::close);
        servers.close();
    }

    @Test
    void withoutCredentials_orWithAnUnknownToken_is401_andWithAnAccessTokenLackingTheRole_403() throws Exception {
        int port = start(RevocationFeedSettings.of(List.of(FEED_TOKEN), HEARTBEAT, 10));
        when(verify.verify(anyString())).thenThrow(new InvalidTokenException(InvalidTokenException.Reason.MALFORMED));
        doReturn(claims(List.of("admin"), Instant.now().plusSeconds(600))).when(verify).verify("user-token");

        SseClient none = open(port, "", null);
        SseClient unknown = open(port, "", "Bearer " + FEED_TOKEN + "x");
        SseClient basic = open(port, "", "Basic " + FEED_TOKEN);
        SseClient user = open(port, "", "Bearer user-token");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.response().headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"inkan\"");
        assertThat(none.response().headers().firstValue("Content-Type")).hasValue(ProblemDetails.CONTENT_TYPE);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(problem(unknown).get("type").asText()).endsWith("invalid-token");
        assertThat(basic.status()).isEqualTo(401);
        assertThat(user.status()).isEqualTo(403);
        assertThat(user.response().headers().firstValue("WWW-Authenticate").orElseThrow()).contains("insufficient_scope");
        assertThat(log.followers()).isZero();
    }

    @Test
    void aFeedToken_getsEveryKind_thenReady_thenLiveEvents_andHeartbeatsWhenQuiet() throws Exception {
        int port = start(RevocationFeedSettings.of(List.of(OTHER_FEED_TOKEN, FEED_TOKEN), HEARTBEAT, 10));
        SessionId session = new SessionId(UUID.randomUUID());
        Instant validAfter = Instant.parse("2031-01-02T03:04:05.123456Z");
        List<Revocation> before = List.of(
                new TokenRevoked("jti-1", UNTIL),
                new SessionRevoked(session, UNTIL),
                new UserTokensRevoked(ALICE, validAfter, UNTIL),
                new RolesRevoked(ALICE, 7, UNTIL),
                new UserDeleted(ALICE, UNTIL));
        before.forEach(log::publish);

        SseClient stream = open(port, "", "Bearer " + FEED_TOKEN);

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.response().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        assertThat(stream.response().headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(stream.nextEvent(SOON)).isEqualTo(new Event(null, "retry", "1000", null));
        assertEvent(stream.nextEvent(SOON), "1", "token", Map.of("jti", "jti-1", "until", UNTIL.toString()));
        assertEvent(stream.nextEvent(SOON), "2", "session", Map.of("sid", session.toString(), "until", UNTIL.toString()));
        assertEvent(stream.nextEvent(SOON), "3", "user",
                Map.of("sub", ALICE.toString(), "valid_after", validAfter.toString(), "until", UNTIL.toString()));
        assertEvent(stream.nextEvent(SOON), "4", "roles", Map.of("sub", ALICE.toString(), "rv", 7, "until", UNTIL.toString()));
        assertEvent(stream.nextEvent(SOON), "5", "deleted", Map.of("sub", ALICE.toString(), "until", UNTIL.toString()));
        assertEvent(stream.nextEvent(SOON), "5", "ready", Map.of("seq", 5));

        assertThat(stream.next(SOON).orElseThrow().comment()).as("a heartbeat while nothing happens").isEqualTo("heartbeat");
        log.publish(new TokenRevoked("jti-live", UNTIL));
        assertEvent(stream.nextEvent(SOON), "6", "token", Map.of("jti", "jti-live", "until", UNTIL.toString()));
        assertThat(OTHER_FEED_TOKEN).as("the other token works too").isNotEqualTo(FEED_TOKEN);
        assertThat(open(port, "", "bearer " + OTHER_FEED_TOKEN).status()).isEqualTo(200);
    }

    @Test
    void sinceAndLastEventId_skipWhatTheClientHas_andLastEventIdWins() throws Exception {
        int port = start(RevocationFeedSettings.of(List.of(FEED_TOKEN), HEARTBEAT, 10));
        for (int i = 1; i <= 4; i++) {
            log.publish(new TokenRevoked("jti-" + i, UNTIL));
        }

        SseClient since = open(port, "?since=2", "Bearer " + FEED_TOKEN);
        SseClient lastEventId = open(port, "?since=1", "Bearer " + FEED_TOKEN, "Last-Event-ID", "3");
        SseClient beyond = open(port, "?since=99", "Bearer " + FEED_TOKEN);

        since.nextEvent(SOON);
        assertThat(List.of(since.nextEvent(SOON).id(), since.nextEvent(SOON).id(), since.nextEvent(SOON).event()))
                .containsExactly("3", "4", "ready");
        lastEventId.nextEvent(SOON);
        assertThat(List.of(lastEventId.nextEvent(SOON).id(), lastEventId.nextEvent(SOON).event())).containsExactly("4", "ready");
        beyond.nextEvent(SOON);
        assertThat(beyond.nextEvent(SOON).id()).as("a since beyond the log is taken as none").isEqualTo("1");
    }

    @Test
    void aBadSinceOrLastEventId_is400_afterTheCredentialsAreChecked() throws Exception {
        int port = start(RevocationFeedSettings.of(List.of(FEED_TOKEN), HEARTBEAT, 10));

        for (String since : List.of("abc", "-1", "1.5", "99999999999999999999", "%20")) {
            SseClient bad = open(port, "?since=" + since, "Bearer " + FEED_TOKEN);
            assertThat(bad.status()).as(since).isEqualTo(400);
            assertThat(problem(bad).get("detail").asText()).contains("since");
        }
        SseClient badHeader = open(port, "", "Bearer " + FEED_TOKEN, "Last-Event-ID", "x1");
        assertThat(badHeader.status()).isEqualTo(400);
        assertThat(problem(badHeader).get("detail").asText()).contains("Last-Event-ID");
        assertThat(open(port, "?since=abc", null).status()).isEqualTo(401);
    }

    @Test
    void aServiceAccessToken_follows_untilARevocationOfItsOwnSessionComes_whichItSeesLast() throws Exception {
        int port = start(RevocationFeedSettings.of(List.of(), HEARTBEAT, 10));
        when(verify.verify("service-token")).thenReturn(claims(List.of("service"), Instant.now().plusSeconds(600)));
        SseClient stream = open(port, "", "Bearer service-token");
        assertThat(stream.status()).isEqualTo(200);
        stream.nextEvent(SOON);
        assertThat(stream.nextEvent(SOON).event()).isEqualTo("ready");

        log.publish(new TokenRevoked("someone-else", UNTIL));
        log.publish(new SessionRevoked(SERVICE_SESSION, UNTIL));
        log.publish(new TokenRevoked("after", UNTIL));

        assertThat(stream.untilEnd(SOON)).filteredOn(event -> event.comment() == null).extracting(Event::id)
                .containsExactly("1", "2");
        awaitNoFollowers();
    }

    @Test
    void aServiceAccessToken_endsTheStreamWhenItExpires() throws Exception {
        int port = start(RevocationFeedSettings.of(List.of(), Duration.ofSeconds(20), 10));
        when(verify.verify("service-token")).thenReturn(claims(List.of("service"), Instant.now().plusMillis(700)));
        SseClient stream = open(port, "", "Bearer service-token");

        assertThat(stream.untilEnd(SOON)).extracting(Event::event).containsExactly("retry", "ready");
        awaitNoFollowers();
    }

    /**
     * A retired signing key sends no revocation that names the token, and a token forged with a
     * stolen key may carry any expiry: the stream must end once the server no longer accepts its token.
     */
    @Test
    void aServiceAccessToken_endsTheStream_onceTheServerNoLongerAcceptsIt_asWhenItsKeyIsRetired() throws Exception {
        int port = start(RevocationFeedSettings.of(List.of(), HEARTBEAT, 10));
        when(verify.verify("service-token")).thenReturn(claims(List.of("service"), Instant.now().plus(Duration.ofDays(3650))));
        SseClient stream = open(port, "", "Bearer service-token");
        assertThat(stream.status()).isEqualTo(200);
        stream.nextEvent(SOON);
        assertThat(stream.nextEvent(SOON).event()).isEqualTo("ready");

        when(verify.verify("service-token")).thenThrow(new InvalidTokenException(InvalidTokenException.Reason.UNKNOWN_KEY));

        long deadline = System.nanoTime() + SOON.toNanos();
        while (stream.next(SOON).isPresent()) {
            assertThat(System.nanoTime()).as("the stream ends, not only heartbeats on").isLessThan(deadline);
        }
        awaitNoFollowers();
    }

    @Test
    void beyondTheLimitOfStreams_is503_untilOneCloses() throws Exception {
        int port = start(RevocationFeedSettings.of(List.of(FEED_TOKEN), HEARTBEAT, 1));
        SseClient first = open(port, "", "Bearer " + FEED_TOKEN);
        assertThat(first.status()).isEqualTo(200);

        SseClient second = open(port, "", "Bearer " + FEED_TOKEN);

        assertThat(second.status()).isEqualTo(503);
        assertThat(second.response().headers().firstValue("Retry-After")).isPresent();
        assertThat(problem(second).get("type").asText()).endsWith("too-many-streams");
        first.close();
        awaitNoFollowers(); // the server notices at its next heartbeat
        assertThat(open(port, "", "Bearer " + FEED_TOKEN).status()).isEqualTo(200);
    }

    @Test
    void aFeedThatKeepsNoSequence_answers404() throws Exception {
        int port = servers.start(useCases(Optional.empty()), settings(RevocationFeedSettings.of(List.of(FEED_TOKEN), HEARTBEAT, 1)));

        SseClient stream = open(port, "", "Bearer " + FEED_TOKEN);

        assertThat(stream.status()).isEqualTo(404);
        assertThat(problem(stream).get("type").asText()).endsWith("no-revocation-stream");
    }

    @Test
    void stoppingTheServer_endsOpenStreams_atOnce() throws Exception {
        int port = start(RevocationFeedSettings.of(List.of(FEED_TOKEN), Duration.ofSeconds(20), 10));
        SseClient stream = open(port, "", "Bearer " + FEED_TOKEN);
        stream.nextEvent(SOON);
        stream.nextEvent(SOON);
        long started = System.nanoTime();

        servers.close();

        assertThat(stream.untilEnd(SOON)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void feedTokens_shorterThan32Characters_orWithACommaOrSpace_areRefused_withoutShowingThem() {
        String shortToken = "s3cr3t-but-short";
        assertThatThrownBy(() -> RevocationFeedSettings.of(List.of(FEED_TOKEN, shortToken), HEARTBEAT, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feed token 2 of 2 has 16 characters").hasMessageNotContaining(shortToken);
        assertThatThrownBy(() -> RevocationFeedSettings.of(List.of(FEED_TOKEN + " x"), HEARTBEAT, 1))
                .hasMessageContaining("not visible ASCII").hasMessageNotContaining(FEED_TOKEN);
        assertThat(RevocationFeedSettings.of(List.of(FEED_TOKEN), HEARTBEAT, 1).toString())
                .doesNotContain(FEED_TOKEN).contains("1 feed tokens");
        assertThatThrownBy(() -> RevocationFeedSettings.of(List.of(), Duration.ofSeconds(30), 1)).hasMessageContaining("heartbeat");
        assertThatThrownBy(() -> RevocationFeedSettings.of(List.of(), HEARTBEAT, 0)).hasMessageContaining("streams");
    }

    @Test
    void everyKindOfRevocation_hasItsEvent() {
        for (Class<?> kind : Revocation.class.getPermittedSubclasses()) {
            assertThat(RevocationEvents.KINDS).as("the event of %s", kind.getSimpleName())
                    .anyMatch(known -> known.type() == kind);
        }
    }

    private int start(RevocationFeedSettings feed) {
        return servers.start(useCases(Optional.of(new StreamRevocationsService(log, Clock.systemUTC()))), settings(feed));
    }

    private static WebSettings settings(RevocationFeedSettings feed) {
        return WebSettings.defaults().withRevocationFeed(feed);
    }

    private WebUseCases useCases(Optional<StreamRevocationsUseCase> revocations) {
        return new WebUseCases(mock(RegisterUserUseCase.class), mock(LoginUseCase.class), mock(RefreshTokensUseCase.class),
                mock(LogoutUseCase.class), mock(LogoutEverywhereUseCase.class), verify, mock(GetUserProfileUseCase.class),
                mock(ListSessionsUseCase.class), mock(EndSessionUseCase.class), mock(AdministerUsersUseCase.class),
                mock(ListSecurityEventsUseCase.class), mock(CountSecurityEventsUseCase.class), AccountMocks.mocks(), () -> true,
                () -> new PublicKeys("", List.of()), IssueGatewayTokenUseCase.NONE, revocations);
    }

    private static AccessTokenClaims claims(List<String> roles, Instant expiresAt) {
        Instant issued = expiresAt.minusSeconds(900).truncatedTo(ChronoUnit.SECONDS);
        return new AccessTokenClaims("inkan", new UserId(UUID.randomUUID()), List.of("inkan"), issued, expiresAt,
                Optional.empty(), "service-jti", SERVICE_SESSION, roles, 0, Map.of());
    }

    private SseClient open(int port, String query, String authorization, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/auth/revocations" + query))
                .header("Accept", "text/event-stream");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        SseClient stream = SseClient.open(client, request.build());
        streams.add(stream);
        return stream;
    }

    private static JsonNode problem(SseClient response) throws Exception {
        assertThat(response.response().headers().firstValue("Content-Type")).hasValue(ProblemDetails.CONTENT_TYPE);
        return JsonBodies.MAPPER.readTree(response.body());
    }

    private static void assertEvent(Event event, String id, String kind, Map<String, Object> data) throws Exception {
        assertThat(event.id()).isEqualTo(id);
        assertThat(event.event()).isEqualTo(kind);
        assertThat(JsonBodies.MAPPER.readTree(event.data())).isEqualTo(JsonBodies.MAPPER.valueToTree(data));
        assertThat(event.data()).doesNotContain("\n");
    }

    private void awaitNoFollowers() throws InterruptedException {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (log.followers() > 0) {
            assertThat(System.nanoTime()).as("every stream has let its subscription go").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** The servers a test started, stopped after it. */
    private static final class InkanRevocationServer implements AutoCloseable {
        private final List<InkanHttpServer> started = new ArrayList<>();

        int start(WebUseCases useCases, WebSettings settings) {
            InkanHttpServer server = InkanHttpServer.start(useCases, settings, "127.0.0.1", 0);
            started.add(server);
            return server.port();
        }

        @Override
        public void close() {
            started.forEach(InkanHttpServer::close);
            started.clear();
        }
    }
}

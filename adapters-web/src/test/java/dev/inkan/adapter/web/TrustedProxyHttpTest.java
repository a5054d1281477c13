package dev.inkan.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
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
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
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

/**
 * Rate limits behind a load balancer, over real HTTP from 127.0.0.1: forwarding headers count only
 * when that peer is a trusted proxy, and then per forwarded client. Two logins per address and window.
 */
class TrustedProxyHttpTest {

    private static final RateLimitSettings TWO_LOGINS = new RateLimitSettings(true, Duration.ofMinutes(1), 100, 2, 100, 100);

    private final LoginUseCase login = mock(LoginUseCase.class);
    private final WebUseCases useCases = new WebUseCases(mock(RegisterUserUseCase.class), login, mock(RefreshTokensUseCase.class),
            mock(LogoutUseCase.class), mock(LogoutEverywhereUseCase.class), mock(VerifyAccessTokenUseCase.class),
            mock(GetUserProfileUseCase.class), mock(ListSessionsUseCase.class), mock(EndSessionUseCase.class), mock(AdministerUsersUseCase.class),
            mock(ListSecurityEventsUseCase.class), mock(CountSecurityEventsUseCase.class), AccountMocks.mocks(), () -> true);
    private final HttpClient client = HttpClient.newHttpClient();
    private InkanHttpServer server;
    private Javalin host;
    private String base;

    @BeforeEach
    void loginsSucceed() {
        AccessTokenClaims claims = new AccessTokenClaims("inkan", new UserId(UUID.randomUUID()), List.of("inkan"),
                Instant.ofEpochSecond(1_700_000_000), Instant.ofEpochSecond(1_700_000_900), Optional.empty(), "jti",
                new SessionId(UUID.randomUUID()), List.of(), 0, Map.of());
        when(login.login(any())).thenReturn(new IssuedTokens("access.token.value", claims, "refresh", Duration.ofDays(7)));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (host != null) {
            host.stop();
        }
    }

    @Test
    void anUntrustedPeer_sendingForwardingHeaders_isLimitedByItsOwnAddress() throws Exception {
        start(TrustedProxies.parse("10.0.0.0/8, 2001:db8::/32"));

        assertThat(login("X-Forwarded-For", "203.0.113.1")).isEqualTo(200);
        assertThat(login("Forwarded", "for=203.0.113.2")).isEqualTo(200);
        assertThat(login("X-Forwarded-For", "203.0.113.3")).as("every login counted for 127.0.0.1").isEqualTo(429);
    }

    @Test
    void behindATrustedProxy_eachForwardedClient_hasABucketOfItsOwn() throws Exception {
        start(TrustedProxies.parse("127.0.0.1"));

        assertThat(login("X-Forwarded-For", "203.0.113.1")).isEqualTo(200);
        assertThat(login("X-Forwarded-For", "203.0.113.1")).isEqualTo(200);
        assertThat(login("X-Forwarded-For", "203.0.113.1")).isEqualTo(429);

        assertThat(login("X-Forwarded-For", "203.0.113.2")).as("another client, through the same proxy").isEqualTo(200);
        assertThat(login("Forwarded", "for=198.51.100.9")).as("a header the proxy does not set: the proxy's bucket").isEqualTo(200);
        assertThat(login(null, null)).as("the proxy's own requests count for the proxy").isEqualTo(200);
        assertThat(login(null, null)).isEqualTo(429);
    }

    @Test
    void behindProxiesThatSetForwarded_onlyThatHeaderNamesTheClient() throws Exception {
        start(TrustedProxies.parse("127.0.0.1").reading(TrustedProxies.Header.FORWARDED));

        assertThat(login("Forwarded", "for=\"[2001:db8::2]:4711\";proto=https")).isEqualTo(200);
        assertThat(login("Forwarded", "for=\"[2001:db8::9]:4711\";proto=https")).isEqualTo(200);
        assertThat(login("Forwarded", "for=\"[2001:db8::2]:4711\";proto=https")).as("the same /64").isEqualTo(429);
        assertThat(login("X-Forwarded-For", "203.0.113.5")).as("ignored: the proxy's bucket").isEqualTo(200);
    }

    @Test
    void aClientPrependingFakeAddresses_staysInItsBucket_becauseTheRightMostUntrustedHopCounts() throws Exception {
        start(TrustedProxies.parse("127.0.0.0/8, 10.0.0.0/8"));

        assertThat(login("X-Forwarded-For", "198.51.100.1, 203.0.113.7")).isEqualTo(200);
        assertThat(login("X-Forwarded-For", "198.51.100.2, 203.0.113.7, 10.0.0.9")).isEqualTo(200);
        assertThat(login("X-Forwarded-For", "198.51.100.3, 203.0.113.7")).isEqualTo(429);
    }

    @Test
    void malformedForwardingHeaders_fromATrustedProxy_countAsTheProxy_neverAsAnError() throws Exception {
        start(TrustedProxies.parse("127.0.0.1"));

        assertThat(login("X-Forwarded-For", "not an address")).isEqualTo(200);
        assertThat(login("X-Forwarded-For", "\"unterminated")).isEqualTo(200);
        assertThat(login("X-Forwarded-For", "203.0.113.7, unknown")).as("the proxy's bucket is spent").isEqualTo(429);
        assertThat(login("X-Forwarded-For", "203.0.113.7")).as("a well-formed client is not affected").isEqualTo(200);
    }

    @Test
    void thePlugin_takesTheSameSetting() throws Exception {
        host = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.registerPlugin(new InkanJavalinPlugin(useCases, inkan -> {
                inkan.prefix = "";
                inkan.settings = new WebSettings(TokenTransport.BEARER, List.of(), TWO_LOGINS)
                        .withTrustedProxies(TrustedProxies.parse("127.0.0.1"));
            }));
        }).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + host.port();

        assertThat(login("X-Forwarded-For", "203.0.113.1")).isEqualTo(200);
        assertThat(login("X-Forwarded-For", "203.0.113.1")).isEqualTo(200);
        assertThat(login("X-Forwarded-For", "203.0.113.1")).isEqualTo(429);
        assertThat(login("X-Forwarded-For", "203.0.113.2")).isEqualTo(200);
    }

    private void start(TrustedProxies proxies) {
        server = InkanHttpServer.start(useCases, new WebSettings(TokenTransport.BEARER, List.of(), TWO_LOGINS).withTrustedProxies(proxies),
                "127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    /** @return the status of a login sent with {@code header} (none when null) */
    private int login(String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/auth/login")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"email\":\"ann@example.com\",\"password\":\"correct horse\"}"));
        if (header != null) {
            request.header(header, value);
        }
        return client.send(request.build(), BodyHandlers.discarding()).statusCode();
    }
}

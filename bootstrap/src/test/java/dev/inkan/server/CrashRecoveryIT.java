package dev.inkan.server;

import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static dev.inkan.server.HttpJson.refreshBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of registrations, logins and refreshes loses nothing that was
 * acknowledged: every user that got 201 logs in afterwards, and the last refresh token each client
 * received works.
 */
class CrashRecoveryIT {

    private static final int CLIENTS = 4;
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dataDir;

    @Test
    void killedMidTraffic_losesNothingAcknowledged() throws Exception {
        // A grace window longer than a restart: a refresh the server committed but never answered
        // leaves the client holding the previous token, which the grace window honours.
        Map<String, String> env = Map.of("INKAN_DATA_DIR", dataDir.toString(),
                "INKAN_JWT_SECRET", TestTokens.b64(TestTokens.randomKey(32)), "INKAN_REFRESH_REUSE_GRACE", "PT2M",
                "INKAN_RATE_LIMIT_ENABLED", "false");
        Set<String> registered = ConcurrentHashMap.newKeySet();
        Map<String, String> lastRefreshToken = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);

        InkanJar first = InkanJar.start(env);
        HttpJson http = new HttpJson(first.port());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> traffic(http, running, registered, lastRefreshToken));
        }
        while (registered.size() < 12) {
            Thread.sleep(50);
        }
        first.kill();
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        try (InkanJar second = InkanJar.start(env)) {
            HttpJson after = new HttpJson(second.port());
            for (String email : registered) {
                assertThat(after.post("/auth/login", credentials(email, PASSWORD)).statusCode()).as(email).isEqualTo(200);
            }
            for (Map.Entry<String, String> chain : lastRefreshToken.entrySet()) {
                assertThat(after.post("/auth/refresh", refreshBody(chain.getValue())).statusCode())
                        .as("the last refresh token %s received", chain.getKey()).isEqualTo(200);
            }
        }
        assertThat(registered).hasSizeGreaterThanOrEqualTo(12);
        assertThat(lastRefreshToken).isNotEmpty();
    }

    /** One client: register, log in, refresh a few times; remember only what the server answered. */
    private static void traffic(HttpJson http, AtomicBoolean running, Set<String> registered, Map<String, String> lastRefreshToken) {
        List<String> mine = new ArrayList<>();
        try {
            while (running.get()) {
                String email = "crash-" + UUID.randomUUID() + "@example.com";
                if (http.post("/auth/register", credentials(email, PASSWORD)).statusCode() == 201) {
                    registered.add(email);
                    mine.add(email);
                }
                HttpResponse<String> login = http.post("/auth/login", credentials(email, PASSWORD));
                if (login.statusCode() != 200) {
                    continue;
                }
                String refresh = body(login).get("refresh_token").asText();
                lastRefreshToken.put(email, refresh);
                for (int i = 0; i < 3 && running.get(); i++) {
                    HttpResponse<String> refreshed = http.post("/auth/refresh", refreshBody(refresh));
                    if (refreshed.statusCode() != 200) {
                        break;
                    }
                    refresh = body(refreshed).get("refresh_token").asText();
                    lastRefreshToken.put(email, refresh);
                }
            }
        } catch (RuntimeException connectionLost) {
            // the server was killed: whatever was answered before is what must survive
        }
    }
}

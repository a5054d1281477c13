package dev.inkan.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.inkan.adapter.crypto.JcaMacAlgorithm;
import dev.inkan.application.tokens.AccessTokens;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.TokenRules;
import dev.inkan.verifier.InkanVerifier;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * inkan-verifier verifying one HS256 token as a resource server does, beside the same HMAC floor as
 * {@link TokenVerifyBenchmark#hmacFloor}: the token format's whole check, then the revocations the
 * feed delivered and the feed's staleness. The verifier follows a feed that a loopback server in
 * this JVM serves (caught up, then a heartbeat a second), so its check is the one of a verifier
 * whose feed is current; the token is one Inkan's {@code AccessTokens} issued.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class VerifierBenchmark {

    private static final String FEED_TOKEN = "benchmark-feed-token-0123456789abcdef";

    /** How many roles the token carries: none, or three. */
    @Param({"0", "3"})
    int roles;

    TokenFixture fixture;
    String token;
    InkanVerifier verifier;
    private HttpServer inkan;
    private ExecutorService threads;
    private final CountDownLatch stop = new CountDownLatch(1);
    private Mac floorMac;

    @Setup
    public void setUp() throws Exception {
        fixture = new TokenFixture(roles);
        threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "benchmark-inkan");
            thread.setDaemon(true);
            return thread;
        });
        inkan = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        inkan.setExecutor(threads);
        String issuer = "http://127.0.0.1:" + inkan.getAddress().getPort();
        inkan.createContext("/.well-known/oauth-authorization-server",
                exchange -> json(exchange, "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/.well-known/jwks.json\"}"));
        inkan.createContext("/.well-known/jwks.json", exchange -> json(exchange, "{\"keys\":[]}"));
        inkan.createContext("/auth/revocations", this::feed);
        inkan.start();

        TokenRules rules = new TokenRules(issuer, TokenFixture.AUDIENCE, TokenFixture.RULES.leeway());
        AccessTokens tokens = fixture.tokens(new JcaMacAlgorithm(), rules);
        token = tokens.sign(tokens.claimsFor(fixture.user, fixture.session, UUID.randomUUID().toString(), Map.of(),
                TokenFixture.CLOCK.instant()));
        String kid = dev.inkan.adapter.crypto.JwkThumbprint.ofOctetKey(fixture.key);
        verifier = InkanVerifier.builder(issuer).audience(TokenFixture.AUDIENCE).feedToken(FEED_TOKEN)
                .hmacKey(kid, JwsAlgorithm.HS256, fixture.key).build();
        if (!verifier.awaitReady(Duration.ofSeconds(30))) {
            throw new IllegalStateException("the verifier did not get ready: " + verifier.status());
        }
        floorMac = fixture.floorMac();
    }

    @TearDown
    public void tearDown() {
        stop.countDown();
        verifier.close();
        inkan.stop(0);
        threads.shutdownNow();
    }

    @Benchmark
    public Object inkanVerifier() {
        return verifier.verify(token);
    }

    /** The floor: the MAC and nothing else a verifier could skip, as {@link TokenVerifyBenchmark#hmacFloor}. */
    @Benchmark
    public boolean hmacFloor() {
        return TokenFixture.hmacFloor(floorMac, token);
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "max-age=86400");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A feed with no revocation: caught up at once, then a heartbeat each second until the benchmark ends. */
    private void feed(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("id: 0\nevent: ready\ndata: {\"seq\":0}\n\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (!stop.await(1, TimeUnit.SECONDS)) {
                out.write(": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

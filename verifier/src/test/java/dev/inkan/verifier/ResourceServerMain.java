package dev.inkan.verifier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.inkan.domain.AccessTokenClaims;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * A resource server as a user of inkan-verifier writes one, run as a process of its own by the
 * cross-process tests: {@code GET /hello} answers 200 with the caller's user id for a good Inkan
 * access token, and 401 naming the refusal's reason otherwise.
 *
 * <p>Arguments: Inkan's issuer URL. Environment: {@code RS_FEED_TOKEN} (one of Inkan's
 * {@code INKAN_REVOCATION_FEED_TOKENS}), and for an HMAC deployment {@code RS_HMAC_JWKS} (the JWK
 * Set of its keys). It prints {@code LISTENING <port>} once it has its keys and has caught up with the
 * feed, and stops when its standard input closes.
 */
public final class ResourceServerMain {

    private ResourceServerMain() {
    }

    public static void main(String[] args) throws Exception {
        InkanVerifierBuilder builder = InkanVerifier.builder(URI.create(args[0]))
                .feedToken(System.getenv("RS_FEED_TOKEN"))
                .feedSilenceLimit(Duration.ofSeconds(5));
        String hmac = System.getenv("RS_HMAC_JWKS");
        if (hmac != null) {
            builder.hmacKeys(hmac);
        }
        try (InkanVerifier verifier = builder.build()) {
            if (!verifier.awaitReady(Duration.ofSeconds(30))) {
                System.out.println("NOT READY " + verifier.status());
                return;
            }
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/hello", exchange -> hello(exchange, verifier));
            server.start();
            System.out.println("LISTENING " + server.getAddress().getPort());
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the test closes our standard input
            }
            server.stop(0);
        }
        System.exit(0);
    }

    private static void hello(HttpExchange exchange, InkanVerifier verifier) throws IOException {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        int status;
        String body;
        try {
            AccessTokenClaims claims = verifier.verify(header == null ? "" : header.substring("Bearer ".length()));
            status = 200;
            body = "hello " + claims.subject();
        } catch (TokenRefusedException e) {
            status = 401;
            body = e.reason() + e.tokenReason().map(reason -> " " + reason).orElse("");
            exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}

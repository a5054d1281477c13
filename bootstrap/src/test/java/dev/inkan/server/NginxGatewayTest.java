package dev.inkan.server;

import static dev.inkan.server.HttpJson.body;
import static dev.inkan.server.HttpJson.credentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.inkan.bootstrap.ConfigSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inkan behind a real nginx (Debian's {@code nginx}), configured with exactly the text that
 * {@code docs/gateways.md} shows, the addresses replaced by loopback ones: {@code auth_request} to
 * Inkan (started in-process, behind a counting TCP relay), and an upstream that answers with the
 * headers it received. Skipped without nginx, with a message; under {@code CI=true} nginx must be
 * there ({@code .ci/run} installs it).
 */
class NginxGatewayTest {

    private static final String ADMIN_EMAIL = "root@example.com";
    private static final String PASSWORD = "correct horse battery";
    private static final Pattern NGINX_BLOCK = Pattern.compile("```nginx\n(.*?)```", Pattern.DOTALL);

    @TempDir
    static Path work;

    private static HttpServer upstream;
    private static final AtomicInteger upstreamRequests = new AtomicInteger();
    private static InkanApplication inkan;
    private static TcpProxy relay;
    private static Process nginx;
    private static int nginxPort;
    private static HttpJson direct;
    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> binary = nginxBinary();
        if (binary.isEmpty() && "true".equals(System.getenv("CI"))) {
            fail("CI must run the nginx tests: install Debian's nginx (apt-get install nginx), as .ci/run does");
        }
        assumeTrue(binary.isPresent(), "nginx tests skipped: install Debian's nginx (sudo apt-get install nginx) to run them");

        System.setProperty("sun.net.httpserver.nodelay", "true"); // else each answer waits for a delayed ACK
        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        upstream.createContext("/", exchange -> {
            upstreamRequests.incrementAndGet();
            var echo = HttpJson.JSON.createObjectNode();
            echo.put("method", exchange.getRequestMethod());
            echo.put("uri", exchange.getRequestURI().toString());
            echo.put("body_bytes", exchange.getRequestBody().readAllBytes().length);
            var headers = echo.putObject("headers");
            exchange.getRequestHeaders().forEach((name, values) -> {
                var list = headers.putArray(name.toLowerCase(java.util.Locale.ROOT));
                values.forEach(list::add);
            });
            byte[] answer = echo.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        upstream.start();

        nginxPort = freePort();
        Map<String, String> env = new HashMap<>();
        env.put("INKAN_HOST", "127.0.0.1");
        env.put("INKAN_PORT", "0");
        env.put("INKAN_MANAGEMENT_PORT", "off");
        env.put("INKAN_DATA_DIR", work.resolve("data").toString());
        env.put("INKAN_JWT_SECRET", TestTokens.b64(TestTokens.randomKey(32)));
        env.put("INKAN_TRUSTED_PROXIES", "127.0.0.1");
        env.put("INKAN_FORWARD_AUTH_RULES", "/admin/=role:admin,/public/=anyone");
        env.put("INKAN_PUBLIC_URL", "http://auth.localhost:9999");
        env.put("INKAN_REDIRECT_ORIGINS", "http://127.0.0.1:" + nginxPort);
        env.put("INKAN_RATE_LIMIT_ENABLED", "false");
        FirstAdmin.create(env, ADMIN_EMAIL, PASSWORD);
        inkan = InkanApplication.start(ConfigSource.of(env));
        direct = new HttpJson(inkan.port());
        relay = new TcpProxy("127.0.0.1", inkan.port());

        Path prefix = Files.createDirectories(work.resolve("nginx"));
        Files.writeString(prefix.resolve("nginx.conf"), configuration(prefix, relay.port(), upstream.getAddress().getPort(), nginxPort));
        nginx = new ProcessBuilder(binary.get().toString(), "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString(),
                "-e", prefix.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        for (int i = 0; i < 500 && nginx.isAlive() && !accepts(nginxPort); i++) {
            Thread.sleep(20);
        }
        assertThat(nginx.isAlive()).as("nginx runs: " + Files.readString(prefix.resolve("error.log"))).isTrue();
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        if (relay != null) {
            relay.close();
        }
        if (inkan != null) {
            inkan.close();
        }
        if (upstream != null) {
            upstream.stop(0);
        }
    }

    @Test
    void withoutAToken_anApiClientGets401_andABrowserIsSentToLogIn_andTheUpstreamSeesNothing() throws Exception {
        int before = upstreamRequests.get();

        HttpResponse<String> api = send(request("/app/orders?page=2").header("Accept", "application/json"));
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(api.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
        assertThat(body(api).get("status").asInt()).isEqualTo(401);

        HttpResponse<String> browser = send(request("/app/orders?page=2&sort=date").header("Accept", "text/html"));
        assertThat(browser.statusCode()).isEqualTo(302);
        String location = browser.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("http://auth.localhost:9999/?return_to=");
        assertThat(URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.UTF_8))
                .isEqualTo("http://127.0.0.1:" + nginxPort + "/app/orders?page=2&sort=date");
        assertThat(upstreamRequests.get()).isEqualTo(before);
    }

    @Test
    void withAGoodToken_theUpstreamSeesWhoIsCalling_andNeitherTheClientsOwnIdentityHeadersNorInkansCookies() throws Exception {
        Session ann = login(registered());

        JsonNode bearer = echo(send(request("/app/x").header("Authorization", "Bearer " + ann.access())
                .header("X-Inkan-User-Id", "00000000-0000-0000-0000-000000000000").header("X-Inkan-Roles", "admin")));
        assertThat(header(bearer, "x-inkan-user-id")).containsExactly(ann.userId());
        assertThat(header(bearer, "x-inkan-session-id")).containsExactly(ann.sessionId());
        assertThat(header(bearer, "x-inkan-roles")).as("no role: no header at all, the client's neither").isEmpty();

        JsonNode cookie = echo(send(request("/app/x").header("Cookie", "theme=dark; __Host-inkan_access=" + ann.access()
                + "; __Host-inkan_csrf=" + ann.csrf() + "; lang=ja")));
        assertThat(header(cookie, "x-inkan-user-id")).containsExactly(ann.userId());
        assertThat(header(cookie, "cookie")).containsExactly("theme=dark; lang=ja");

        JsonNode first = echo(send(request("/app/x").header("Cookie", "__Host-inkan_access=" + ann.access() + "; theme=dark")));
        assertThat(header(first, "cookie")).containsExactly("theme=dark");
        JsonNode last = echo(send(request("/app/x").header("Cookie", "theme=dark; __Host-inkan_access=" + ann.access())));
        assertThat(header(last, "cookie")).containsExactly("theme=dark");
        JsonNode planted = echo(send(request("/app/x").header("Cookie", "__Host-inkan_access=" + ann.access()
                + "; __Secure-inkan_access=a; __Secure-inkan_csrf=b; __Host-inkan_csrf=c; theme=dark")));
        assertThat(header(planted, "cookie")).as("four of Inkan's: no cookie at all").isEmpty();
    }

    @Test
    void aPathForAnyone_reachesTheUpstream_withoutAnIdentity_whateverTheClientSent() throws Exception {
        JsonNode anonymous = echo(send(request("/public/page").header("X-Inkan-User-Id", "forged").header("X-Inkan-Roles", "admin")
                .header("X-Forwarded-Uri", "/app/x").header("X-Original-URI", "/admin/x")));

        assertThat(header(anonymous, "x-inkan-user-id")).isEmpty();
        assertThat(header(anonymous, "x-inkan-roles")).isEmpty();
        assertThat(anonymous.get("uri").asText()).isEqualTo("/public/page");
    }

    @Test
    void aPost_withItsBody_passes_andACookieAuthenticatedOneFromAnotherOrigin_isStopped() throws Exception {
        Session ann = login(registered());
        String json = "{\"order\":\"" + "x".repeat(2000) + "\"}";

        JsonNode posted = echo(send(request("/app/orders").header("Authorization", "Bearer " + ann.access())
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(json))));
        assertThat(posted.get("method").asText()).isEqualTo("POST");
        assertThat(posted.get("body_bytes").asInt()).isEqualTo(json.length());
        assertThat(header(posted, "x-inkan-user-id")).containsExactly(ann.userId());

        String cookie = "__Host-inkan_access=" + ann.access();
        assertThat(send(request("/app/orders").header("Cookie", cookie).header("Origin", "http://127.0.0.1:" + nginxPort)
                .POST(BodyPublishers.ofString(json))).statusCode()).as("the service's own origin").isEqualTo(200);
        int before = upstreamRequests.get();
        HttpResponse<String> csrf = send(request("/app/orders").header("Cookie", cookie).header("Origin", "https://evil.example")
                .POST(BodyPublishers.ofString(json)));
        assertThat(csrf.statusCode()).isEqualTo(403);
        assertThat(csrf.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(send(request("/app/orders").header("Cookie", cookie).method("DELETE", BodyPublishers.noBody())).statusCode())
                .as("neither Origin nor Sec-Fetch-Site").isEqualTo(403);
        assertThat(upstreamRequests.get()).isEqualTo(before);
    }

    @Test
    void aRevokedToken_isRefusedWithinASecondOfLogout() throws Exception {
        Session ann = login(registered());
        assertThat(send(request("/app/x").header("Authorization", "Bearer " + ann.access())).statusCode()).isEqualTo(200);

        assertThat(direct.postWithToken("/auth/logout", ann.access()).statusCode()).isEqualTo(204);
        long loggedOut = System.nanoTime();
        Await.awaitWithin(Duration.ofSeconds(1), () -> sendQuietly(request("/app/x").header("Authorization", "Bearer " + ann.access()))
                .statusCode(), 401);

        assertThat(Duration.ofNanos(System.nanoTime() - loggedOut)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void theRules_judgeThePathAsTheUpstreamGetsIt_dotsEscapesAndAll() throws Exception {
        Session ann = login(registered());
        Session root = login(ADMIN_EMAIL);

        assertThat(raw("/admin/users", ann.access())).startsWith("HTTP/1.1 403");
        assertThat(raw("/admin/users", root.access())).startsWith("HTTP/1.1 200");
        for (String sneaky : List.of("/public/../admin/users", "/public/%2e%2e/admin/users", "/public/..;/admin/users",
                "/admin;x=1/users", "//admin/users", "/%61dmin/users", "/admin/../public/x")) {
            assertThat(raw(sneaky, ann.access())).as(sneaky).startsWith("HTTP/1.1 403");
            String answer = raw(sneaky, root.access());
            assertThat(answer).as(sneaky).startsWith("HTTP/1.1 200");
            assertThat(answer).as("the upstream gets the path as sent").contains("\"uri\":\"" + sneaky + "\"");
        }
        for (String unclean : List.of("/public/%252e%252e/admin", "/public/%5c..%5cadmin", "/public/%ff")) {
            assertThat(raw(unclean, root.access())).as(unclean).startsWith("HTTP/1.1 403");
        }
    }

    @Test
    void nginxKeepsItsConnectionsToInkanOpen() throws Exception {
        Session ann = login(registered());
        send(request("/app/warm").header("Authorization", "Bearer " + ann.access()));
        int before = relay.accepted();

        for (int i = 0; i < 50; i++) {
            assertThat(send(request("/app/" + i).header("Authorization", "Bearer " + ann.access())).statusCode()).isEqualTo(200);
        }

        assertThat(relay.accepted() - before).as("new connections to Inkan for 50 checks").isLessThanOrEqualTo(2);
        assertThat(direct.get("/auth/verify", ann.access()).statusCode()).as("asked directly").isEqualTo(200);
    }

    private static String configuration(Path prefix, int inkanPort, int appPort, int listen) throws IOException {
        Matcher block = NGINX_BLOCK.matcher(Files.readString(InkanJar.projectRoot().resolve("docs/gateways.md")));
        assertThat(block.find()).as("docs/gateways.md shows an nginx configuration").isTrue();
        String documented = replaceOnce(replaceOnce(replaceOnce(block.group(1),
                "server 127.0.0.1:8080;", "server 127.0.0.1:" + inkanPort + ";"),
                "server 127.0.0.1:3000;", "server 127.0.0.1:" + appPort + ";"),
                "listen 80;", "listen 127.0.0.1:" + listen + ";");
        String temp = prefix.toString();
        return "worker_processes 1;\n"
                + "pid " + temp + "/nginx.pid;\n"
                + "error_log " + temp + "/error.log warn;\n"
                + "daemon off;\n"
                + "events { worker_connections 256; }\n"
                + "http {\n"
                + "    access_log off;\n"
                + "    client_body_temp_path " + temp + "/client_body;\n"
                + "    proxy_temp_path " + temp + "/proxy;\n"
                + "    fastcgi_temp_path " + temp + "/fastcgi;\n"
                + "    uwsgi_temp_path " + temp + "/uwsgi;\n"
                + "    scgi_temp_path " + temp + "/scgi;\n"
                + documented
                + "}\n";
    }

    private static String replaceOnce(String text, String target, String replacement) {
        assertThat(text.split(Pattern.quote(target), -1)).as("'" + target + "' once in the documented configuration").hasSize(2);
        return text.replace(target, replacement);
    }

    private static Optional<Path> nginxBinary() {
        for (String candidate : new String[] {System.getenv().getOrDefault("NGINX_PATH", "/usr/sbin/nginx"), "/usr/bin/nginx"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(Path.of(candidate));
            }
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A request line exactly as written, which no HTTP client library keeps: dot segments, escapes and all. */
    private static String raw(String target, String token) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), nginxPort)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + nginxPort
                    + "\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginxPort + path)).timeout(Duration.ofSeconds(10));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), BodyHandlers.ofString());
    }

    private static HttpResponse<String> sendQuietly(HttpRequest.Builder request) {
        try {
            return send(request);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode echo(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }

    private static List<String> header(JsonNode echo, String name) {
        JsonNode values = echo.get("headers").get(name);
        return values == null ? List.of() : java.util.stream.StreamSupport.stream(values.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static String registered() {
        String email = "gw-" + System.nanoTime() + "@example.com";
        assertThat(direct.post("/auth/register", credentials(email, PASSWORD)).statusCode()).isEqualTo(201);
        return email;
    }

    private static Session login(String email) {
        JsonNode tokens = body(direct.post("/auth/login", credentials(email, PASSWORD)));
        JsonNode claims = body(direct.get("/auth/verify", tokens.get("access_token").asText()));
        return new Session(tokens.get("access_token").asText(), tokens.get("csrf_token").asText(), claims.get("sub").asText(),
                claims.get("sid").asText());
    }

    private record Session(String access, String csrf, String userId, String sessionId) {
    }
}

package dev.inkan.verifier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test double: Inkan's documents and revocation feed, on a loopback port: answers as each test sets
 * them, counts the requests, and holds each feed connection open for the test to write events to.
 */
final class FakeInkan implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.CountDownLatch> holds = new ConcurrentHashMap<>();
    /** Every feed connection, in order; the test writes to them. */
    final LinkedBlockingQueue<FeedConnection> connections = new LinkedBlockingQueue<>();
    final List<FeedConnection> all = new CopyOnWriteArrayList<>();
    private volatile int feedStatus = 200;

    record Answer(int status, String body, String cacheControl) {
    }

    FakeInkan() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The discovery document, the other one 404, and the JWK Set at /jwks.json. */
    FakeInkan serving(String issuer, String jwkSet) {
        answer("/.well-known/oauth-authorization-server", 200, "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + url() + "/jwks.json\"}");
        answer("/jwks.json", 200, jwkSet);
        return this;
    }

    void answer(String path, int status, String body) {
        answer(path, status, body, null);
    }

    void answer(String path, int status, String body, String cacheControl) {
        answers.put(path, new Answer(status, body, cacheControl));
    }

    /** @return a latch that holds every answer at {@code path}, once counted, until it is counted down */
    java.util.concurrent.CountDownLatch hold(String path) {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        holds.put(path, release);
        return release;
    }

    void feedStatus(int status) {
        this.feedStatus = status;
    }

    int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    /** @return the next feed connection the verifier opens, within five seconds */
    FeedConnection nextConnection() throws InterruptedException {
        FeedConnection next = connections.poll(5, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("the verifier did not connect to the feed");
        }
        return next;
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        if (path.equals("/auth/revocations")) {
            feed(exchange);
            return;
        }
        java.util.concurrent.CountDownLatch hold = holds.get(path);
        if (hold != null) {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Answer answer = answers.getOrDefault(path, new Answer(404, "{}", null));
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (answer.cacheControl() != null) {
            exchange.getResponseHeaders().add("Cache-Control", answer.cacheControl());
        }
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void feed(HttpExchange exchange) throws IOException {
        if (feedStatus != 200) {
            byte[] body = "{\"status\":401}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(feedStatus, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        FeedConnection connection = new FeedConnection(exchange);
        all.add(connection);
        connections.add(connection);
        connection.awaitClosed();
    }

    @Override
    public void close() {
        all.forEach(FeedConnection::close);
        server.stop(0);
        threads.shutdownNow();
    }

    /** One open feed connection: what the verifier asked with, and a way to write events to it. */
    static final class FeedConnection {
        private final HttpExchange exchange;
        private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

        FeedConnection(HttpExchange exchange) {
            this.exchange = exchange;
        }

        String header(String name) {
            return exchange.getRequestHeaders().getFirst(name);
        }

        /** Writes one event (or, for a null kind, a comment), at once. */
        FeedConnection event(String id, String kind, String data) throws IOException {
            String text = kind == null ? ": heartbeat\n\n"
                    : (id == null ? "" : "id: " + id + "\n") + "event: " + kind + "\ndata: " + data + "\n\n";
            OutputStream out = exchange.getResponseBody();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return this;
        }

        FeedConnection ready(long seq) throws IOException {
            return event(Long.toString(seq), "ready", "{\"seq\":" + seq + "}");
        }

        void close() {
            try {
                exchange.getResponseBody().close();
            } catch (IOException e) {
                // gone already
            }
            exchange.close();
            closed.countDown();
        }

        private void awaitClosed() {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package dev.inkan.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: a resource server in a process of its own, inkan-verifier's test main
 * ({@code dev.inkan.verifier.ResourceServerMain}) on this test's class path, and its {@code GET /hello}.
 */
final class ResourceServerProcess implements AutoCloseable {

    private static final String MAIN = "dev.inkan.verifier.ResourceServerMain";

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;

    /**
     * Starts it and waits until it listens (it has Inkan's keys and has caught up with the feed).
     *
     * @param env its environment: {@code RS_FEED_TOKEN}, and {@code RS_HMAC_JWKS} for HMAC keys
     */
    ResourceServerProcess(String issuer, Map<String, String> env) throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, MAIN, issuer).redirectErrorStream(true);
        builder.environment().putAll(env);
        process = builder.start();
        LinkedBlockingQueue<String> listening = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    if (line.startsWith("LISTENING ") || line.startsWith("NOT READY")) {
                        listening.add(line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "resource-server-output");
        reader.setDaemon(true);
        reader.start();
        String first = listening.poll(60, TimeUnit.SECONDS);
        if (first == null || !first.startsWith("LISTENING ")) {
            close();
            throw new AssertionError("the resource server did not start: " + String.join("\n", output));
        }
        port = Integer.parseInt(first.substring("LISTENING ".length()).strip());
    }

    /** @return the answer of {@code GET /hello} with {@code accessToken} */
    HttpResponse<String> hello(String accessToken) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello"))
                .header("Authorization", "Bearer " + accessToken).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** @return everything it printed, for a failure's message */
    String output() {
        return String.join("\n", output);
    }

    /** Closes its standard input, which stops it; kills it if it has not stopped within five seconds. */
    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // gone already
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}

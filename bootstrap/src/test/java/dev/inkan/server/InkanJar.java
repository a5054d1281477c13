package dev.inkan.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.bootstrap.Inkan;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper: {@code java -jar bootstrap/target/inkan.jar serve} as a child process, on a free
 * loopback port, with its management listener on another one.
 */
final class InkanJar implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Inkan listening on [^:]+:(\\d+)");
    private static final Pattern MANAGEMENT = Pattern.compile("Inkan management listening on [^:]+:(\\d+)");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final int port;

    private InkanJar(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString(), "serve")
                .redirectErrorStream(true);
        builder.environment().put("INKAN_HOST", "127.0.0.1");
        builder.environment().put("INKAN_PORT", "0");
        builder.environment().put("INKAN_MANAGEMENT_PORT", "0");
        builder.environment().putAll(env);
        process = builder.start();
        Thread reader = new Thread(this::readOutput, "inkan-jar-output");
        reader.setDaemon(true);
        reader.start();
        port = awaitPort(LISTENING);
    }

    static InkanJar start(Map<String, String> env) throws IOException, InterruptedException {
        return new InkanJar(env);
    }

    int port() {
        return port;
    }

    /** @return the port of the management listener, as the server logged it */
    int managementPort() throws InterruptedException {
        return awaitPort(MANAGEMENT);
    }

    String output() {
        return output.toString();
    }

    /** SIGTERM, as an orchestrator stops a server. @return whether it stopped within 20 s */
    boolean stop() throws InterruptedException {
        process.destroy();
        return process.waitFor(20, TimeUnit.SECONDS);
    }

    /** SIGKILL: no shutdown hook, no flush, nothing. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive() && !stop()) {
            kill();
        }
    }

    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the project root (with mvnw)").isNotNull();
        return dir;
    }

    static Path jar() {
        Path jar = projectRoot().resolve("bootstrap/target/inkan.jar");
        assertThat(jar).as("the runnable jar; run the build's package phase first").exists();
        return jar;
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    private int awaitPort(Pattern line) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Matcher matcher = line.matcher(output);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            assertThat(process.isAlive()).as("the server died:\n%s", output).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("the server did not say it was listening:\n" + output);
    }
}

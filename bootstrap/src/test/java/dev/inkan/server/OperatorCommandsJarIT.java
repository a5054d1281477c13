package dev.inkan.server;

import static dev.inkan.server.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line of the built artefact, {@code java -jar bootstrap/target/inkan.jar}: its help,
 * the first user made with the password on standard input, and the embedded H2 database that a
 * running server holds.
 */
class OperatorCommandsJarIT {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dataDir;

    @Test
    void usersHelp_exitsZero_withTheUsageOnStdout() {
        CommandRun help = jar(Map.of(), "", "users", "--help");

        assertThat(help.exitCode()).as(help.toString()).isZero();
        assertThat(help.out()).startsWith("usage: java -jar inkan.jar users COMMAND").contains("users create EMAIL");
        assertThat(help.err()).isEmpty();
    }

    @Test
    void create_withThePasswordOnStdin_thenList_showsTheUser_andStdoutHoldsTheResultsAlone() {
        Map<String, String> env = Map.of("INKAN_DATA_DIR", dataDir.toString());

        CommandRun created = jar(env, PASSWORD + "\n", "users", "create", "ann@example.com");
        CommandRun granted = jar(env, "", "users", "grant", "ann@example.com", "admin");
        CommandRun listed = jar(env, "", "users", "list");

        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.lines()).hasSize(1);
        String id = created.lines().get(0);
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(created.err()).as("a new installation's key, said once, on stderr").contains("generated one into")
                .hasLineCount(1);
        assertThat(granted.exitCode()).as(granted.toString()).isZero();
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.out()).isEqualTo(id + "\tann@example.com\tadmin\tenabled\n");
        assertThat(granted.err() + listed.err()).as("no log line of the server's start-up, nor any other").isEmpty();
        assertThat(created.toString() + granted + listed).doesNotContain(PASSWORD).doesNotContain("Inkan listening");
    }

    @Test
    void onTheEmbeddedDatabaseOfARunningServer_theCommandsExitOne_sayingToStopItOrUsePostgres() throws Exception {
        Map<String, String> env = Map.of("INKAN_DATA_DIR", dataDir.toString(), "INKAN_JWT_SECRET", TestTokens.b64(TestTokens.randomKey(32)));
        CommandRun listed;
        CommandRun created;
        CommandRun inProcess;
        try (InkanJar server = InkanJar.start(env)) {
            listed = jar(env, "", "users", "list");
            created = jar(env, PASSWORD + "\n", "users", "create", "ann@example.com");
            inProcess = run(env, "users", "grant", "ann@example.com", "admin");
        }

        for (CommandRun refused : List.of(listed, created, inProcess)) {
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err()).isEqualTo("inkan: the embedded H2 database in " + dataDir.toAbsolutePath().normalize()
                    + " is in use, most likely by a running Inkan server: stop the server first, or set INKAN_DB_URL to a"
                    + " PostgreSQL database, where the commands work while servers run\n");
        }
        CommandRun afterwards = jar(env, PASSWORD + "\n", "users", "create", "ann@example.com");
        assertThat(afterwards.exitCode()).as("once the server is stopped: " + afterwards).isZero();
    }

    /** Runs the jar with only {@code env} of Inkan's configuration (none of this process's own {@code INKAN_*}). */
    private static CommandRun jar(Map<String, String> env, String stdin, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                InkanJar.jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("INKAN_"));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            CompletableFuture<String> out = read(process.getInputStream());
            CompletableFuture<String> err = read(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the command ends").isTrue();
            return new CommandRun(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}

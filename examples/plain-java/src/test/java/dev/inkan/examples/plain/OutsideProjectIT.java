package dev.inkan.examples.plain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mvnw install} publishes every artifact to the local repository, and a Maven project
 * outside the reactor ({@code examples/outside}), depending on nothing but those artifacts,
 * compiles and runs the plain-java example with Bouncy Castle and then with JCA, and finds no HTTP
 * server, logging binding or native code on its classpath.
 */
class OutsideProjectIT {

    @Test
    void anOutsideProject_buildsAndRunsAgainstTheInstalledArtifacts() throws Exception {
        Path root = projectRoot();

        assertThat(mvnw(root, "install", "-DskipTests")).as("./mvnw install").isEqualTo("ok");
        deleteRecursively(root.resolve("examples/outside/target"));
        // Online, as any application's build is: it may use other plugin versions than Inkan's own build.
        assertThat(mvnw(root, "-f", root.resolve("examples/outside/pom.xml").toString(), "verify"))
                .as("the outside project's build").isEqualTo("ok");
        String report = Files.readString(root.resolve(
                "examples/outside/target/surefire-reports/TEST-dev.inkan.examples.outside.OutsideConsumerTest.xml"));
        assertThat(report).contains("verified with bouncycastle: user ").contains("verified with jca: user ")
                .contains("theLibraryAlone_bringsNoHttpServer_noLoggingBinding_andNoNativeCode").contains("failures=\"0\"");
    }

    /** @return "ok", or what Maven printed when it failed */
    private static String mvnw(Path root, String... arguments) throws Exception {
        String[] command = new String[arguments.length + 3];
        command[0] = root.resolve("mvnw").toString();
        command[1] = "-B";
        command[2] = "-q";
        System.arraycopy(arguments, 0, command, 3, arguments.length);
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().remove("MAVEN_ARGS");
        Process maven = builder.start();
        String output = new String(maven.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return maven.waitFor(10, TimeUnit.MINUTES) && maven.exitValue() == 0 ? "ok" : output;
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).isNotNull();
        return dir;
    }
}

package dev.inkan.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: the folder of the whole build (with {@code mvnw}), where the README and the browser-test folder are. */
final class ProjectRoot {

    private ProjectRoot() {
    }

    static Path find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the project root (with mvnw)").isNotNull();
        return dir;
    }
}

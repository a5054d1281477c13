package dev.inkan.adapter.crypto;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * Test helper: the published vectors in {@code shared/vectors}, read in place. The folder is found
 * beside the project (as CI and every developer have it) or named by {@code INKAN_VECTORS_DIR}.
 */
final class Vectors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {
    }

    static JsonNode read(String name) {
        try {
            return JSON.readTree(directory().resolve(name).toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read vector file " + name, e);
        }
    }

    static byte[] hex(JsonNode node) {
        return HexFormat.of().parseHex(node.asText());
    }

    private static Path directory() {
        String configured = System.getenv("INKAN_VECTORS_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("vectors");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return fail("no shared/vectors folder beside the project; set INKAN_VECTORS_DIR to the test vectors");
    }
}

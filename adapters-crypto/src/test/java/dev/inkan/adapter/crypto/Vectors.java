package dev.inkan.adapter.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;

/**
 * Test helper: the published vectors the contract tests use, from this module's test resources
 * ({@code src/test/resources/vectors}, whose README says where each file comes from).
 */
final class Vectors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Vectors() {
    }

    static JsonNode read(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no vector file " + name + " in the test resources");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read vector file " + name, e);
        }
    }

    static byte[] hex(JsonNode node) {
        return HexFormat.of().parseHex(node.asText());
    }
}

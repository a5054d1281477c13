package dev.inkan.token;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON document (RFC 8259) read with the format's own strict reader, for the documents a verifier
 * of Inkan's tokens fetches beside them: the discovery document, the JWK Set, the revocation feed's
 * events. Values come as custom claims hold them: {@code String}, {@code Boolean}, {@code Long} (an
 * integer that fits one), {@code BigDecimal} (any other number), {@code List<Object>}, and
 * {@code Map<String, Object>} in order, JSON {@code null} as Java {@code null}.
 */
public final class JsonDocument {

    private JsonDocument() {
    }

    /**
     * @param json the text of one JSON object
     * @return its members, in order
     * @throws IllegalArgumentException unless {@code json} is exactly one strict JSON object: no duplicate
     *     name at any depth, no text after it, nesting at most 64 levels deep
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String json) {
        Objects.requireNonNull(json, "json");
        JsonReader in = new JsonReader(json.getBytes(StandardCharsets.UTF_8), TokenException.Reason.MALFORMED);
        try {
            if (in.peekNext() != '{') {
                throw new IllegalArgumentException("not a JSON object");
            }
            Object value = JsonValues.read(in, JsonValues.CLAIM_LEVEL);
            in.requireEnd();
            return (Map<String, Object>) value;
        } catch (TokenException e) {
            throw new IllegalArgumentException("not strict JSON");
        }
    }
}

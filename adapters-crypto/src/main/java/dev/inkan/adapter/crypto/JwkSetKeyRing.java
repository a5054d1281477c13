package dev.inkan.adapter.crypto;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.inkan.application.port.out.KeyRing;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.SigningKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Key rings from a JWK Set (RFC 7517) of symmetric keys:
 * {@code {"keys":[{"kty":"oct","kid":"…","k":"<base64url>","alg":"HS256"}]}}. Order is kept: the
 * first key signs.
 */
public final class JwkSetKeyRing {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JwkSetKeyRing() {
    }

    /**
     * @param json the JWK Set
     * @param algorithm the algorithm of a key without {@code alg}
     * @param source what to call the set in messages (a variable or a file name)
     * @return the keys in the order of the set, each for its {@code alg} or else {@code algorithm}
     * @throws IllegalArgumentException naming {@code source} and the key, never showing key bytes
     */
    public static KeyRing parse(String json, JwsAlgorithm algorithm, String source) {
        List<Map<String, String>> jwks;
        try {
            jwks = readKeys(json);
        } catch (IOException | IllegalStateException e) {
            throw new IllegalArgumentException(source + ": not a JWK Set of the form {\"keys\":[{\"kty\":\"oct\",…}]}");
        }
        List<SigningKey> keys = new ArrayList<>();
        for (int i = 0; i < jwks.size(); i++) {
            keys.add(toKey(jwks.get(i), i, algorithm, source));
        }
        return new StaticKeyRing(keys);
    }

    private static SigningKey toKey(Map<String, String> jwk, int index, JwsAlgorithm defaultAlgorithm, String source) {
        String kid = jwk.get("kid");
        String name = source + ": key " + (kid == null ? "#" + index : "'" + kid + "'");
        if (!"oct".equals(jwk.get("kty"))) {
            throw new IllegalArgumentException(name + " must have \"kty\":\"oct\" (a symmetric key)");
        }
        if (kid == null || kid.isBlank()) {
            throw new IllegalArgumentException(name + " needs a \"kid\"");
        }
        JwsAlgorithm algorithm = !jwk.containsKey("alg") ? defaultAlgorithm
                : JwsAlgorithm.fromJwsName(String.valueOf(jwk.get("alg"))).orElseThrow(() ->
                        new IllegalArgumentException(name + " must have \"alg\" HS256, HS384 or HS512 when it has one"));
        if (jwk.containsKey("use") && !"sig".equals(jwk.get("use"))) {
            throw new IllegalArgumentException(name + " must have \"use\":\"sig\" when it has a use");
        }
        byte[] bytes = unpaddedBase64Url(jwk.get("k")).orElseThrow(() ->
                new IllegalArgumentException(name + " needs \"k\": the key bytes as unpadded base64url"));
        try {
            return new SigningKey(kid, algorithm, bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }

    private static Optional<byte[]> unpaddedBase64Url(String text) {
        if (text == null || text.isEmpty() || text.indexOf('=') >= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getUrlDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The string members of each key object; members of other types are kept out (they are not needed). */
    private static List<Map<String, String>> readKeys(String json) throws IOException {
        List<Map<String, String>> keys = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(json)) {
            expect(parser.nextToken() == JsonToken.START_OBJECT);
            boolean sawKeys = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!field.equals("keys")) {
                    parser.skipChildren();
                    continue;
                }
                sawKeys = true;
                expect(value == JsonToken.START_ARRAY);
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    Map<String, String> key = new HashMap<>();
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String member = parser.currentName();
                        if (parser.nextToken() == JsonToken.VALUE_STRING) {
                            key.put(member, parser.getText());
                        } else {
                            parser.skipChildren();
                            key.put(member, null);
                        }
                    }
                    keys.add(key);
                }
                expect(parser.currentToken() == JsonToken.END_ARRAY);
            }
            expect(sawKeys && parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() == null);
        }
        return keys;
    }

    private static void expect(boolean condition) {
        if (!condition) {
            throw new IllegalStateException("not a JWK Set");
        }
    }
}

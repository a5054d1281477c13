package dev.inkan.adapter.crypto;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.inkan.application.port.out.KeyRing;
import dev.inkan.application.service.Base64Url;
import dev.inkan.domain.JwsAlgorithm;
import dev.inkan.domain.SigningKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
     * @param algorithm the configured algorithm: each key must be long enough for it, and a key's
     *     {@code alg}, when present, must name it
     * @param source what to call the set in messages (a variable or a file name)
     * @throws IllegalArgumentException naming {@code source} and the key, never showing key bytes
     */
    public static KeyRing parse(String json, JwsAlgorithm algorithm, String source) {
        List<Map<String, String>> jwks;
        try {
            jwks = readKeys(json);
        } catch (IOException | IllegalStateException e) {
            throw new IllegalArgumentException(source + ": not a JWK Set of the form {\"keys\":[{\"kty\":\"oct\",…}]}");
        }
        if (jwks.isEmpty()) {
            throw new IllegalArgumentException(source + ": the JWK Set has no keys");
        }
        List<SigningKey> keys = new ArrayList<>();
        for (int i = 0; i < jwks.size(); i++) {
            keys.add(toKey(jwks.get(i), i, algorithm, source));
        }
        try {
            return new StaticKeyRing(keys);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage());
        }
    }

    private static SigningKey toKey(Map<String, String> jwk, int index, JwsAlgorithm algorithm, String source) {
        String kid = jwk.get("kid");
        String name = source + ": key " + (kid == null ? "#" + index : "'" + kid + "'");
        if (!"oct".equals(jwk.get("kty"))) {
            throw new IllegalArgumentException(name + " must have \"kty\":\"oct\" (a symmetric key)");
        }
        if (kid == null || kid.isBlank()) {
            throw new IllegalArgumentException(name + " needs a \"kid\"");
        }
        if (jwk.containsKey("alg") && !algorithm.jwsName().equals(jwk.get("alg"))) {
            throw new IllegalArgumentException(name + " is for " + jwk.get("alg") + ", but INKAN_JWT_ALG is " + algorithm.jwsName());
        }
        if (jwk.containsKey("use") && !"sig".equals(jwk.get("use"))) {
            throw new IllegalArgumentException(name + " must have \"use\":\"sig\" when it has a use");
        }
        byte[] bytes;
        try {
            bytes = Base64Url.decode(jwk.getOrDefault("k", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " needs \"k\": the key bytes as unpadded base64url");
        }
        if (bytes.length < algorithm.macLength()) {
            throw new IllegalArgumentException(name + " has " + bytes.length + " bytes; " + algorithm.jwsName()
                    + " needs at least " + algorithm.macLength());
        }
        return new SigningKey(kid, bytes);
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

package dev.inkan.adapter.crypto;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.inkan.application.port.out.KeyRing;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.PublicJwk;
import dev.inkan.token.SigningKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Key rings from a JWK Set (RFC 7517) of symmetric keys,
 * {@code {"kty":"oct","kid":"…","k":"<base64url>","alg":"HS256"}}, and of key pairs with their private
 * member (RFC 8037 and RFC 7518 6.2), {@code {"kty":"OKP","crv":"Ed25519","kid":"…","x":…,"d":…,"alg":"EdDSA"}}
 * or {@code {"kty":"EC","crv":"P-256","kid":"…","x":…,"y":…,"d":…,"alg":"ES256"}}. Each key is for its one
 * {@code alg}. Order is kept: the first key signs.
 */
public final class JwkSetKeyRing {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Set<String> KEY_TYPES = Set.of("oct", "OKP", "EC");

    private JwkSetKeyRing() {
    }

    /**
     * @param json the JWK Set
     * @param algorithm the algorithm of a key without {@code alg}
     * @param source what to call the set in messages (a variable or a file name)
     * @return the keys in the order of the set, each for its {@code alg} or else {@code algorithm}, which
     *     must then be of the key's type
     * @throws IllegalArgumentException naming {@code source} and the key, never showing key bytes
     */
    public static KeyRing parse(String json, JwsAlgorithm algorithm, String source) {
        List<Map<String, String>> jwks;
        try {
            jwks = readKeys(json);
        } catch (IOException | IllegalStateException e) {
            throw new IllegalArgumentException(source + ": not a JWK Set of the form {\"keys\":[{\"kty\":…,\"kid\":…,…}]}");
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
        String kty = jwk.get("kty");
        if (!KEY_TYPES.contains(kty)) {
            throw new IllegalArgumentException(name + " must have \"kty\" oct (a symmetric key), OKP (Ed25519) or EC (P-256)");
        }
        if (kid == null || kid.isBlank()) {
            throw new IllegalArgumentException(name + " needs a \"kid\"");
        }
        if (jwk.containsKey("use") && !"sig".equals(jwk.get("use"))) {
            throw new IllegalArgumentException(name + " must have \"use\":\"sig\" when it has a use");
        }
        JwsAlgorithm algorithm = algorithm(jwk, kty, defaultAlgorithm, name);
        try {
            if (algorithm.isHmac()) {
                return new SigningKey(kid, algorithm, member(jwk, "k", name, "the key bytes"));
            }
            if (!algorithm.curve().orElseThrow().equals(jwk.get("crv"))) {
                throw new IllegalArgumentException(name + " must have \"crv\":\"" + algorithm.curve().orElseThrow() + "\"");
            }
            Optional<byte[]> y = algorithm.keyType().equals("EC") ? Optional.of(member(jwk, "y", name, "its y coordinate"))
                    : Optional.empty();
            if (y.isEmpty() && jwk.containsKey("y")) {
                throw new IllegalArgumentException(name + " is an OKP key, which has no \"y\"");
            }
            PublicJwk publicKey = new PublicJwk(kid, algorithm, member(jwk, "x", name, "its public key"), y);
            return SigningKey.keyPair(member(jwk, "d", name, "its private key, which Inkan signs with"), publicKey);
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith(source) ? e : new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }

    /** The key's {@code alg}, which must be one of its key type; without one, {@code defaultAlgorithm} if it is. */
    private static JwsAlgorithm algorithm(Map<String, String> jwk, String kty, JwsAlgorithm defaultAlgorithm, String name) {
        String ofType = Arrays.stream(JwsAlgorithm.values()).filter(a -> a.keyType().equals(kty)).map(JwsAlgorithm::jwsName)
                .collect(Collectors.joining(", "));
        if (!jwk.containsKey("alg")) {
            if (!defaultAlgorithm.keyType().equals(kty)) {
                throw new IllegalArgumentException(name + " (kty " + kty + ") needs an \"alg\" (" + ofType + "): it cannot be for "
                        + defaultAlgorithm.jwsName() + ", the algorithm of keys without one");
            }
            return defaultAlgorithm;
        }
        return JwsAlgorithm.fromJwsName(String.valueOf(jwk.get("alg"))).filter(a -> a.keyType().equals(kty)).orElseThrow(() ->
                new IllegalArgumentException(name + " (kty " + kty + ") must have \"alg\" " + ofType + " when it has one"));
    }

    private static byte[] member(Map<String, String> jwk, String member, String name, String what) {
        return unpaddedBase64Url(jwk.get(member)).orElseThrow(() ->
                new IllegalArgumentException(name + " needs \"" + member + "\": " + what + " as unpadded base64url"));
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

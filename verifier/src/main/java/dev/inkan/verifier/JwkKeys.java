package dev.inkan.verifier;

import dev.inkan.token.JdkCrypto;
import dev.inkan.token.JsonDocument;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.JwsKey;
import dev.inkan.token.PublicJwk;
import dev.inkan.token.SigningKey;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * JWKs as the token format's keys. A public key is used only with the algorithm its {@code alg}
 * names, which must agree with its {@code kty} and {@code crv}; one without {@code kid} or {@code alg},
 * for another use than signatures, not a point of its curve, or holding a private member, is passed
 * over with a warning, and an {@code oct} key never comes from the network (an HMAC secret published
 * is no secret). HMAC keys are given to the verifier directly, as bytes or as a JWK Set of its own.
 */
final class JwkKeys {

    private static final System.Logger LOG = System.getLogger(JwkKeys.class.getName());
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "k", "oth");

    private JwkKeys() {
    }

    /**
     * @param jwkSet the members of a JWK Set document
     * @param taken key ids already in use (the HMAC keys'), which a public key may not take
     * @return the public keys that may verify, each under its own algorithm, in the set's order
     */
    static List<JwsKey> publicKeys(Map<String, Object> jwkSet, Set<String> taken) {
        if (!(jwkSet.get("keys") instanceof List<?> keys)) {
            throw new IllegalArgumentException("the JWK Set has no keys array");
        }
        List<JwsKey> usable = new ArrayList<>();
        Set<String> ids = new HashSet<>(taken);
        for (Object entry : keys) {
            Optional<String> problem = entry instanceof Map<?, ?> jwk ? problemOf(jwk) : Optional.of("not an object");
            if (problem.isPresent()) {
                LOG.log(Level.WARNING, "passing over a key of the JWK Set: " + problem.get());
                continue;
            }
            Map<?, ?> jwk = (Map<?, ?>) entry;
            String kid = (String) jwk.get("kid");
            if (!ids.add(kid)) {
                LOG.log(Level.WARNING, "passing over a second key with the kid '" + kid + "'");
                continue;
            }
            try {
                usable.add(verifying(jwk, kid));
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, "passing over a key of the JWK Set: " + e.getMessage());
            }
        }
        return usable;
    }

    private static Optional<String> problemOf(Map<?, ?> jwk) {
        if (!(jwk.get("kid") instanceof String kid) || kid.isBlank()) {
            return Optional.of("it has no kid");
        }
        String name = "key '" + kid + "'";
        if (jwk.keySet().stream().anyMatch(PRIVATE_MEMBERS::contains)) {
            return Optional.of(name + " holds a private or secret member, so it is not used (and the server should not publish it)");
        }
        Optional<JwsAlgorithm> algorithm = jwk.get("alg") instanceof String alg ? JwsAlgorithm.fromJwsName(alg) : Optional.empty();
        if (algorithm.isEmpty() || algorithm.get().isHmac()) {
            return Optional.of(name + " has no alg of a public-key algorithm (EdDSA, Ed25519, ES256)");
        }
        if (!algorithm.get().keyType().equals(jwk.get("kty")) || !algorithm.get().curve().orElseThrow().equals(jwk.get("crv"))) {
            return Optional.of(name + ": its kty and crv are not those of " + algorithm.get().jwsName());
        }
        if (jwk.containsKey("use") && !"sig".equals(jwk.get("use"))) {
            return Optional.of(name + " is not for signatures (use)");
        }
        if (jwk.get("key_ops") instanceof List<?> operations && !operations.contains("verify")) {
            return Optional.of(name + " is not for verifying (key_ops)");
        }
        return Optional.empty();
    }

    private static JwsKey verifying(Map<?, ?> jwk, String kid) {
        JwsAlgorithm algorithm = JwsAlgorithm.fromJwsName((String) jwk.get("alg")).orElseThrow();
        Optional<byte[]> y = algorithm.keyType().equals("EC") ? Optional.of(coordinate(jwk, "y", kid)) : Optional.empty();
        PublicJwk key = new PublicJwk(kid, algorithm, coordinate(jwk, "x", kid), y);
        return JwsKey.verifying(kid, algorithm, JdkCrypto.verifier(key));
    }

    private static byte[] coordinate(Map<?, ?> jwk, String member, String kid) {
        if (!(jwk.get(member) instanceof String text)) {
            throw new IllegalArgumentException("key '" + kid + "' has no " + member);
        }
        return base64url(text, "key '" + kid + "': " + member);
    }

    /**
     * @param jwkSet a JWK Set of {@code oct} keys, each with {@code kid}, {@code alg} (HS256, HS384 or HS512) and {@code k}
     * @return the HMAC keys
     * @throws IllegalArgumentException when it is no such set, naming the key at fault and never its bytes
     */
    static List<JwsKey> hmacKeys(String jwkSet) {
        Map<String, Object> document;
        try {
            document = JsonDocument.parseObject(jwkSet);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the HMAC keys are no JWK Set: not a strict JSON object");
        }
        if (!(document.get("keys") instanceof List<?> keys) || keys.isEmpty()) {
            throw new IllegalArgumentException("the HMAC keys' JWK Set has no keys");
        }
        List<JwsKey> hmac = new ArrayList<>();
        for (Object entry : keys) {
            if (!(entry instanceof Map<?, ?> jwk) || !"oct".equals(jwk.get("kty")) || !(jwk.get("kid") instanceof String kid)
                    || !(jwk.get("k") instanceof String k) || !(jwk.get("alg") instanceof String alg)) {
                throw new IllegalArgumentException("each HMAC key is a JWK with kty oct, kid, alg and k");
            }
            JwsAlgorithm algorithm = JwsAlgorithm.fromJwsName(alg).filter(JwsAlgorithm::isHmac).orElseThrow(() ->
                    new IllegalArgumentException("key '" + kid + "': alg must be HS256, HS384 or HS512"));
            hmac.add(hmacKey(kid, algorithm, base64url(k, "key '" + kid + "': k")));
        }
        return hmac;
    }

    /** @throws IllegalArgumentException when the key is too short for its algorithm */
    static JwsKey hmacKey(String kid, JwsAlgorithm algorithm, byte[] secret) {
        SigningKey key = new SigningKey(kid, algorithm, secret);
        return JwsKey.hmac(kid, algorithm, JdkCrypto.hmac(key));
    }

    private static byte[] base64url(String text, String what) {
        if (!text.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
            throw new IllegalArgumentException(what + " is not base64url without padding");
        }
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64url without padding");
        }
    }
}

package dev.inkan.server;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Test helper: keys generated at test time, and hand-made JWS, so tests can sign exactly the bytes they mean. */
final class TestTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestTokens() {
    }

    static byte[] randomKey(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return key;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code b64(header).b64(payload).b64(HMAC(key, …))} with the JCA MAC of the given JWS alg. */
    static String sign(String alg, byte[] key, byte[] header, byte[] payload) {
        String signingInput = b64(header) + "." + b64(payload);
        return signingInput + "." + b64(hmac(alg, key, signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    static String sign(String alg, byte[] key, String headerJson, String payloadJson) {
        return sign(alg, key, headerJson.getBytes(StandardCharsets.UTF_8), payloadJson.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmac(String alg, byte[] key, byte[] data) {
        String name = "Hmac" + alg.replace("HS", "SHA");
        try {
            Mac mac = Mac.getInstance(name);
            mac.init(new SecretKeySpec(key, name));
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return whether the JDK, with nothing but the JWK's public members (kty, crv, x, y), verifies the
     *     signature of a compact JWS, as a resource server would
     */
    static boolean verifiesWithJwk(com.fasterxml.jackson.databind.JsonNode jwk, String token) {
        int dot = token.lastIndexOf('.');
        byte[] input = token.substring(0, dot).getBytes(StandardCharsets.US_ASCII);
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        try {
            java.security.PublicKey key;
            java.security.Signature verifier;
            if (jwk.get("kty").asText().equals("EC")) {
                java.security.AlgorithmParameters p256 = java.security.AlgorithmParameters.getInstance("EC");
                p256.init(new java.security.spec.ECGenParameterSpec("secp256r1"));
                key = java.security.KeyFactory.getInstance("EC").generatePublic(new java.security.spec.ECPublicKeySpec(
                        new java.security.spec.ECPoint(unsigned(jwk.get("x").asText()), unsigned(jwk.get("y").asText())),
                        p256.getParameterSpec(java.security.spec.ECParameterSpec.class)));
                verifier = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
            } else {
                byte[] x = Base64.getUrlDecoder().decode(jwk.get("x").asText());
                byte[] der = new byte[12 + 32];
                System.arraycopy(java.util.HexFormat.of().parseHex("302a300506032b6570032100"), 0, der, 0, 12);
                System.arraycopy(x, 0, der, 12, 32);
                key = java.security.KeyFactory.getInstance("Ed25519").generatePublic(new java.security.spec.X509EncodedKeySpec(der));
                verifier = java.security.Signature.getInstance("Ed25519");
            }
            verifier.initVerify(key);
            verifier.update(input);
            return verifier.verify(signature);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.math.BigInteger unsigned(String base64url) {
        return new java.math.BigInteger(1, Base64.getUrlDecoder().decode(base64url));
    }

    /** @return the decoded JSON header of a compact JWS */
    static com.fasterxml.jackson.databind.JsonNode header(String token) {
        try {
            return HttpJson.JSON.readTree(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** @return the decoded JSON claims of a compact JWS */
    static com.fasterxml.jackson.databind.JsonNode claims(String token) {
        try {
            return HttpJson.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** @return a port that is free on loopback right now, for a server whose issuer must name its port before it starts */
    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code b64(header).b64(payload).b64(signature)} signed by the JDK with the private JWK {@code jwk} (OKP or EC, with d). */
    static String signWithJwk(com.fasterxml.jackson.databind.JsonNode jwk, String headerJson, String payloadJson) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        byte[] d = Base64.getUrlDecoder().decode(jwk.get("d").asText());
        try {
            java.security.PrivateKey key;
            java.security.Signature signer;
            if (jwk.get("kty").asText().equals("EC")) {
                java.security.AlgorithmParameters p256 = java.security.AlgorithmParameters.getInstance("EC");
                p256.init(new java.security.spec.ECGenParameterSpec("secp256r1"));
                key = java.security.KeyFactory.getInstance("EC").generatePrivate(new java.security.spec.ECPrivateKeySpec(
                        new java.math.BigInteger(1, d), p256.getParameterSpec(java.security.spec.ECParameterSpec.class)));
                signer = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
            } else {
                key = java.security.KeyFactory.getInstance("Ed25519").generatePrivate(
                        new java.security.spec.EdECPrivateKeySpec(java.security.spec.NamedParameterSpec.ED25519, d));
                signer = java.security.Signature.getInstance("Ed25519");
            }
            signer.initSign(key);
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(signer.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

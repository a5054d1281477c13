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
}

package dev.inkan.adapter.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** RFC 7638 JWK thumbprints: the key id given to a key that arrives as bare bytes. */
public final class JwkThumbprint {

    private JwkThumbprint() {
    }

    /** @return base64url(SHA-256({"k":"…","kty":"oct"})), the RFC 7638 thumbprint of a symmetric key */
    public static String ofOctetKey(byte[] key) {
        String canonical = "{\"k\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "\",\"kty\":\"oct\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

package dev.inkan.adapter.crypto;

import dev.inkan.token.PublicJwk;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** RFC 7638 JWK thumbprints: the key id given to a key that arrives as bare bytes, and to every key Inkan generates. */
public final class JwkThumbprint {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private JwkThumbprint() {
    }

    /** @return base64url(SHA-256({"k":"…","kty":"oct"})), the RFC 7638 thumbprint of a symmetric key */
    public static String ofOctetKey(byte[] key) {
        return thumbprint("{\"k\":\"" + BASE64URL.encodeToString(key) + "\",\"kty\":\"oct\"}");
    }

    /**
     * @return the RFC 7638 thumbprint of a public key: of {@code {"crv":…,"kty":"OKP","x":…}} (RFC 8037
     *     A.3) or {@code {"crv":…,"kty":"EC","x":…,"y":…}}, the required members in lexicographic order
     */
    public static String of(PublicJwk key) {
        String y = key.y().map(bytes -> ",\"y\":\"" + BASE64URL.encodeToString(bytes) + "\"").orElse("");
        return thumbprint("{\"crv\":\"" + key.curve() + "\",\"kty\":\"" + key.keyType() + "\",\"x\":\""
                + BASE64URL.encodeToString(key.x()) + "\"" + y + "}");
    }

    private static String thumbprint(String canonicalJson) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalJson.getBytes(StandardCharsets.UTF_8));
            return BASE64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

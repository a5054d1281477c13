package dev.inkan.server;

import dev.inkan.token.PublicJwk;
import dev.inkan.token.SigningKey;
import java.util.Base64;

/**
 * The text of a JWK Set of one signature key pair with its private member, as
 * {@code INKAN_JWT_KEYS_FILE} reads it back (RFC 8037 for OKP, RFC 7518 6.2 for EC); its key id is
 * the RFC 7638 thumbprint of its public key.
 */
final class KeyPairJwkSet {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private KeyPairJwkSet() {
    }

    /**
     * @param key a key pair
     * @return {@code {"keys":[{"kty":…,"crv":…,"kid":…,"alg":…,"use":"sig","x":…[,"y":…],"d":…}]}} and a line break
     */
    static String of(SigningKey key) {
        PublicJwk publicKey = key.publicKey().orElseThrow(() -> new IllegalArgumentException("not a key pair: " + key));
        // Every value is base64url or a name of Inkan's own: no JSON escaping is needed.
        return "{\"keys\":[{\"kty\":\"" + publicKey.keyType() + "\",\"crv\":\"" + publicKey.curve() + "\",\"kid\":\""
                + key.keyId() + "\",\"alg\":\"" + key.algorithm().jwsName() + "\",\"use\":\"sig\",\"x\":\""
                + BASE64URL.encodeToString(publicKey.x()) + "\""
                + publicKey.y().map(y -> ",\"y\":\"" + BASE64URL.encodeToString(y) + "\"").orElse("")
                + ",\"d\":\"" + BASE64URL.encodeToString(key.secret()) + "\"}]}\n";
    }
}

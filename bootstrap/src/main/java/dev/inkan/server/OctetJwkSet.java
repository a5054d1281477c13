package dev.inkan.server;

import dev.inkan.adapter.crypto.JwkThumbprint;
import dev.inkan.token.JwsAlgorithm;
import java.util.Base64;
import java.util.Optional;

/**
 * The text of a JWK Set of one symmetric signing key, as {@code INKAN_JWT_KEYS_FILE} reads it back:
 * its key id is the key's RFC 7638 thumbprint, the id Inkan gives a bare secret too.
 */
final class OctetJwkSet {

    private OctetJwkSet() {
    }

    /**
     * @param key the key bytes
     * @param algorithm the {@code alg} to pin the key to; without one, the key serves whatever
     *     {@code INKAN_JWT_ALG} says (if it is long enough)
     * @return {@code {"keys":[{"kty":"oct","kid":…,"alg":…,"use":"sig","k":…}]}} and a line break
     */
    static String of(byte[] key, Optional<JwsAlgorithm> algorithm) {
        String alg = algorithm.map(a -> "\"alg\":\"" + a.jwsName() + "\",").orElse("");
        return "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"" + JwkThumbprint.ofOctetKey(key) + "\"," + alg + "\"use\":\"sig\",\"k\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "\"}]}\n";
    }
}

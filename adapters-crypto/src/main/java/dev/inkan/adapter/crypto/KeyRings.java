package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.KeyRing;
import dev.inkan.application.service.Base64Url;
import dev.inkan.domain.JwsAlgorithm;
import dev.inkan.domain.SigningKey;
import java.util.List;

/** Key rings from a bare secret, as {@code INKAN_JWT_SECRET} gives it. */
public final class KeyRings {

    static final String SECRET_VARIABLE = "INKAN_JWT_SECRET";

    private KeyRings() {
    }

    /**
     * @param secret the key bytes as unpadded base64url
     * @return a ring of that one key, its id the key's RFC 7638 thumbprint
     * @throws IllegalArgumentException naming {@code INKAN_JWT_SECRET}, never showing the secret, when
     *     the secret is not base64url or too short for {@code algorithm}
     */
    public static KeyRing fromBase64UrlSecret(String secret, JwsAlgorithm algorithm) {
        byte[] key;
        try {
            key = Base64Url.decode(secret.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(SECRET_VARIABLE + " must be the unpadded base64url of the key bytes");
        }
        if (key.length < algorithm.macLength()) {
            throw new IllegalArgumentException(SECRET_VARIABLE + " holds " + key.length + " bytes; " + algorithm.jwsName()
                    + " needs a key of at least " + algorithm.macLength() + " bytes");
        }
        return new StaticKeyRing(List.of(new SigningKey(JwkThumbprint.ofOctetKey(key), key)));
    }
}

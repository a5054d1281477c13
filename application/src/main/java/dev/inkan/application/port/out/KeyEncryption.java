package dev.inkan.application.port.out;

import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.SigningKey;

/**
 * Driven port: the encryption at rest of the secret part of signing keys (an HMAC secret, the
 * private key of a pair) under a key-encryption key that is never stored beside them. A sealed
 * secret is bound to its key's id and algorithm, so it opens only as the key it was sealed for.
 */
public interface KeyEncryption {

    /** @return the secret part of {@code key}, encrypted and bound to its key id and algorithm */
    byte[] seal(SigningKey key);

    /**
     * @param sealed what {@link #seal} made of the key of {@code keyId} and {@code algorithm}
     * @return that key again (a key pair with its public key)
     * @throws UnreadableKeyException when {@code sealed} does not open with this key-encryption key as
     *     that key: another key-encryption key sealed it, it was altered, or it is another key's
     */
    SigningKey open(String keyId, JwsAlgorithm algorithm, byte[] sealed);
}

package dev.inkan.domain;

import java.util.Arrays;
import java.util.Objects;

/**
 * Value object: a symmetric JWS key and its key id. The key bytes are copied in and out and never
 * appear in {@link #toString()}.
 */
public final class SigningKey {

    private final String keyId;
    private final byte[] secret;

    /**
     * @param keyId the {@code kid} that tokens signed with this key carry
     * @param secret the key bytes
     * @throws IllegalArgumentException when the key id is blank or the key is empty
     */
    public SigningKey(String keyId, byte[] secret) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("a signing key needs a key id");
        }
        Objects.requireNonNull(secret, "secret");
        if (secret.length == 0) {
            throw new IllegalArgumentException("a signing key must not be empty");
        }
        this.keyId = keyId;
        this.secret = secret.clone();
    }

    public String keyId() {
        return keyId;
    }

    /** A copy of the key bytes. */
    public byte[] secret() {
        return secret.clone();
    }

    public int length() {
        return secret.length;
    }

    /**
     * @throws IllegalArgumentException when the key is shorter than {@code algorithm} requires
     */
    public SigningKey requireStrongEnoughFor(JwsAlgorithm algorithm) {
        if (secret.length < algorithm.macLength()) {
            throw new IllegalArgumentException("key '" + keyId + "' has " + secret.length + " bytes; "
                    + algorithm.jwsName() + " needs at least " + algorithm.macLength());
        }
        return this;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningKey that && keyId.equals(that.keyId) && Arrays.equals(secret, that.secret);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + keyId + ", " + secret.length + " bytes]";
    }
}

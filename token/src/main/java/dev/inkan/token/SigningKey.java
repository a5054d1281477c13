package dev.inkan.token;

import java.util.Objects;

/**
 * Value object: a symmetric JWS key, its key id and the algorithm it is for, checked once to be long
 * enough. The key bytes are copied in and out and never appear in {@link #toString()} or a message.
 */
public final class SigningKey {

    private final String keyId;
    private final JwsAlgorithm algorithm;
    private final byte[] secret;

    /**
     * @param keyId the {@code kid} that tokens signed with this key carry
     * @param algorithm the algorithm the key is for
     * @param secret the key bytes, at least {@code algorithm.macLength()} of them (RFC 7518 3.2)
     * @throws IllegalArgumentException when the key id is blank or the key is too short, naming both
     *     lengths (and nothing the caller would have to hide, so it can say where the key came from)
     */
    public SigningKey(String keyId, JwsAlgorithm algorithm, byte[] secret) {
        this.keyId = requireKeyId(keyId);
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(secret, "secret");
        if (secret.length < algorithm.macLength()) {
            throw new IllegalArgumentException("a key of " + secret.length + " bytes is too short for " + algorithm.jwsName()
                    + ", which needs at least " + algorithm.macLength());
        }
        this.secret = secret.clone();
    }

    /** The one check of a key id, for this class and for {@link JwsKey#hmac}. */
    static String requireKeyId(String keyId) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("a key needs a key id");
        }
        return keyId;
    }

    public String keyId() {
        return keyId;
    }

    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    /** @return a copy of the key bytes */
    public byte[] secret() {
        return secret.clone();
    }

    /** @return the number of key bytes */
    public int length() {
        return secret.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningKey that && keyId.equals(that.keyId) && algorithm == that.algorithm
                && ConstantTime.equals(secret, that.secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, algorithm);
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + keyId + ", " + algorithm.jwsName() + ", " + secret.length + " bytes]";
    }
}

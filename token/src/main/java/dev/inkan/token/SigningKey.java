package dev.inkan.token;

import java.util.Objects;
import java.util.Optional;

/**
 * Value object: a JWS key of a key ring, its key id and the one algorithm it is for, checked once.
 * An HMAC key is a secret, long enough for its algorithm; a key of a public-key algorithm is a pair,
 * the private key ({@code d} of its JWK, 32 bytes: the Ed25519 seed or the P-256 scalar) with its
 * {@link PublicJwk}. The secret bytes are copied in and out and never appear in {@link #toString()} or a
 * message.
 */
public final class SigningKey {

    private final String keyId;
    private final JwsAlgorithm algorithm;
    private final byte[] secret;
    private final Optional<PublicJwk> publicKey;

    /**
     * An HMAC key.
     *
     * @param keyId the {@code kid} that tokens signed with this key carry
     * @param algorithm the HMAC the key is for
     * @param secret the key bytes, at least {@code algorithm.macLength()} of them (RFC 7518 3.2)
     * @throws IllegalArgumentException when the key id is blank, the algorithm not an HMAC, or the key
     *     too short, naming both lengths (and nothing the caller would have to hide, so it can say where
     *     the key came from)
     */
    public SigningKey(String keyId, JwsAlgorithm algorithm, byte[] secret) {
        this.keyId = requireKeyId(keyId);
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(secret, "secret");
        if (!algorithm.isHmac()) {
            throw new IllegalArgumentException(algorithm.jwsName() + " is a public-key algorithm: it signs with a key pair"
                    + " (a JWK with a private and a public part), not a secret");
        }
        if (secret.length < algorithm.macLength()) {
            throw new IllegalArgumentException("a key of " + secret.length + " bytes is too short for " + algorithm.jwsName()
                    + ", which needs at least " + algorithm.macLength());
        }
        this.secret = secret.clone();
        this.publicKey = Optional.empty();
    }

    private SigningKey(byte[] privateKey, PublicJwk publicKey) {
        this.keyId = publicKey.keyId();
        this.algorithm = publicKey.algorithm();
        this.secret = privateKey.clone();
        this.publicKey = Optional.of(publicKey);
    }

    /**
     * A key pair; its key id and algorithm are those of its public key. Whether the two parts belong
     * together is proven when the token format is made of it, by signing once.
     *
     * @param privateKey the private key, as the JWK member {@code d} holds it: 32 bytes
     * @throws IllegalArgumentException when the private key is not 32 bytes long
     */
    public static SigningKey keyPair(byte[] privateKey, PublicJwk publicKey) {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        if (privateKey.length != JwsAlgorithm.KEY_PART_LENGTH) {
            throw new IllegalArgumentException("key '" + publicKey.keyId() + "': the private key (d) of " + publicKey.keyType()
                    + " " + publicKey.curve() + " must be " + JwsAlgorithm.KEY_PART_LENGTH + " bytes, not " + privateKey.length);
        }
        return new SigningKey(privateKey, publicKey);
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

    /** @return a copy of the secret bytes: the HMAC key, or the private key of a pair */
    public byte[] secret() {
        return secret.clone();
    }

    /** @return the number of secret bytes */
    public int length() {
        return secret.length;
    }

    /** @return the public half of a key pair; empty for an HMAC key, which has none to publish */
    public Optional<PublicJwk> publicKey() {
        return publicKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SigningKey that && keyId.equals(that.keyId) && algorithm == that.algorithm
                && ConstantTime.equals(secret, that.secret) && publicKey.equals(that.publicKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, algorithm);
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + keyId + ", " + algorithm.jwsName() + ", "
                + (publicKey.isPresent() ? "key pair" : secret.length + " bytes") + "]";
    }
}

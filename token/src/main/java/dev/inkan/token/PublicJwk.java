package dev.inkan.token;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Value object: the public half of a signature key pair, as a JWK (RFC 7517) publishes it: its
 * {@code kid}, its {@code alg}, and the curve point, {@code x} alone for an OKP key (RFC 8037: the
 * 32-byte encoding of RFC 8032) or {@code x} and {@code y} for an EC key (RFC 7518 6.2: 32-byte
 * big-endian coordinates). The key type and curve follow from the algorithm. The bytes are copied in
 * and out; whether they are a point of the curve is for the crypto adapter that verifies with them.
 */
public final class PublicJwk {

    private final String keyId;
    private final JwsAlgorithm algorithm;
    private final byte[] x;
    private final Optional<byte[]> y;

    /**
     * @param y the EC {@code y} coordinate; empty for an OKP key
     * @throws IllegalArgumentException when the key id is blank, the algorithm an HMAC, a coordinate not
     *     32 bytes long, or {@code y} present for an OKP key or missing for an EC key
     */
    public PublicJwk(String keyId, JwsAlgorithm algorithm, byte[] x, Optional<byte[]> y) {
        this.keyId = SigningKey.requireKeyId(keyId);
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (algorithm.isHmac()) {
            throw new IllegalArgumentException(algorithm.jwsName() + " has no public key: it is an HMAC");
        }
        String name = "key '" + keyId + "' (" + algorithm.keyType() + " " + algorithm.curve().orElseThrow() + ")";
        if (x.length != JwsAlgorithm.KEY_PART_LENGTH) {
            throw new IllegalArgumentException(name + ": x must be " + JwsAlgorithm.KEY_PART_LENGTH + " bytes, not " + x.length);
        }
        boolean ec = algorithm.keyType().equals("EC");
        if (ec != y.isPresent()) {
            throw new IllegalArgumentException(name + (ec ? ": needs y" : ": has no y"));
        }
        if (y.isPresent() && y.get().length != JwsAlgorithm.KEY_PART_LENGTH) {
            throw new IllegalArgumentException(name + ": y must be " + JwsAlgorithm.KEY_PART_LENGTH + " bytes, not "
                    + y.get().length);
        }
        this.x = x.clone();
        this.y = y.map(byte[]::clone);
    }

    public String keyId() {
        return keyId;
    }

    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    /** @return the JWK {@code kty}: {@code OKP} or {@code EC} */
    public String keyType() {
        return algorithm.keyType();
    }

    /** @return the JWK {@code crv}: {@code Ed25519} or {@code P-256} */
    public String curve() {
        return algorithm.curve().orElseThrow();
    }

    /** @return a copy of {@code x} */
    public byte[] x() {
        return x.clone();
    }

    /** @return a copy of {@code y}, for an EC key */
    public Optional<byte[]> y() {
        return y.map(byte[]::clone);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublicJwk that && keyId.equals(that.keyId) && algorithm == that.algorithm
                && Arrays.equals(x, that.x) && Arrays.equals(y.orElse(null), that.y.orElse(null));
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, algorithm, Arrays.hashCode(x));
    }

    @Override
    public String toString() {
        return "PublicJwk[kid=" + keyId + ", " + algorithm.jwsName() + ", " + keyType() + " " + curve() + "]";
    }
}

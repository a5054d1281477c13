package dev.inkan.token;

import java.util.Objects;

/** A {@link JwsKey} over an HMAC: signing is the MAC, verifying recomputes it and compares in constant time. */
final class HmacKey implements JwsKey {

    private final String keyId;
    private final JwsAlgorithm algorithm;
    private final Mac mac;

    HmacKey(String keyId, JwsAlgorithm algorithm, Mac mac) {
        this.keyId = SigningKey.requireKeyId(keyId);
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.mac = Objects.requireNonNull(mac, "mac");
        if (!algorithm.isHmac()) {
            // A MAC under a public-key algorithm's name is the alg confusion a verifier must never allow.
            throw new IllegalArgumentException(algorithm.jwsName() + " is a public-key algorithm: its key is a pair, not an HMAC");
        }
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public JwsAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public byte[] sign(byte[] input, int offset, int length) {
        return mac.compute(input, offset, length);
    }

    @Override
    public boolean verify(byte[] input, int offset, int length, byte[] signature) {
        return ConstantTime.equals(mac.compute(input, offset, length), signature);
    }

    @Override
    public String toString() {
        return "HmacKey[kid=" + keyId + ", " + algorithm.jwsName() + "]";
    }
}

package dev.inkan.token;

import java.util.Objects;

/**
 * A {@link JwsKey} of a key pair of which only the public half is known, as a resource server has it
 * from a JWK Set: it verifies as {@link SignatureKey} does (a signature not of the algorithm's one length
 * is refused before the verifier sees it) and cannot sign.
 */
final class VerifyingKey implements JwsKey {

    private final String keyId;
    private final JwsAlgorithm algorithm;
    private final SignatureVerifier verifier;

    /** @throws IllegalArgumentException when the key id is blank or the algorithm an HMAC */
    VerifyingKey(String keyId, JwsAlgorithm algorithm, SignatureVerifier verifier) {
        this.keyId = SigningKey.requireKeyId(keyId);
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        if (algorithm.isHmac()) {
            // A public key under an HMAC's name is the alg confusion a verifier must never allow.
            throw new IllegalArgumentException(algorithm.jwsName() + " is an HMAC: its key is a secret, not a public key");
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

    /** @throws UnsupportedOperationException always: there is no private key to sign with */
    @Override
    public byte[] sign(byte[] input, int offset, int length) {
        throw new UnsupportedOperationException("key '" + keyId + "' is a public key: it verifies, it cannot sign");
    }

    @Override
    public boolean verify(byte[] input, int offset, int length, byte[] signature) {
        return signature.length == algorithm.signatureLength() && verifier.verify(input, offset, length, signature);
    }

    @Override
    public String toString() {
        return "VerifyingKey[kid=" + keyId + ", " + algorithm.jwsName() + "]";
    }
}

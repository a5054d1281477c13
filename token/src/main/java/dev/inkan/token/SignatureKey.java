package dev.inkan.token;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A {@link JwsKey} over a key pair: signing uses the private key, verifying the public key, and a
 * signature that is not of the algorithm's one length is refused before the verifier sees it.
 */
final class SignatureKey implements JwsKey {

    /** What a new key signs once, to prove that its private key belongs to its public key. */
    private static final byte[] PROBE = "Inkan checks that this key's private and public parts belong together"
            .getBytes(StandardCharsets.US_ASCII);

    private final String keyId;
    private final JwsAlgorithm algorithm;
    private final Signer signer;
    private final SignatureVerifier verifier;

    /**
     * @throws IllegalArgumentException when the key id is blank, the algorithm an HMAC, or what the
     *     signer signs does not verify with the verifier (the parts of the pair do not belong together)
     */
    SignatureKey(String keyId, JwsAlgorithm algorithm, Signer signer, SignatureVerifier verifier) {
        this.keyId = SigningKey.requireKeyId(keyId);
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        if (algorithm.isHmac()) {
            throw new IllegalArgumentException(algorithm.jwsName() + " is an HMAC: its key is a secret, not a pair");
        }
        byte[] probe = sign(PROBE, 0, PROBE.length);
        if (probe.length != algorithm.signatureLength() || !verify(PROBE, 0, PROBE.length, probe)) {
            throw new IllegalArgumentException("key '" + keyId + "': what its private key signs does not verify with its"
                    + " public key, so the two do not belong together");
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
        return signer.sign(input, offset, length);
    }

    @Override
    public boolean verify(byte[] input, int offset, int length, byte[] signature) {
        return signature.length == algorithm.signatureLength() && verifier.verify(input, offset, length, signature);
    }

    @Override
    public String toString() {
        return "SignatureKey[kid=" + keyId + ", " + algorithm.jwsName() + "]";
    }
}

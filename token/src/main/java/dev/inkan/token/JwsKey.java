package dev.inkan.token;

/** One key the token format signs and verifies with: its {@code kid}, its algorithm, and the two operations. */
public interface JwsKey {

    /** @return the {@code kid} of the headers this key signs, and by which a header names it */
    String keyId();

    /** @return the algorithm this key signs with, which a header's {@code alg} must name */
    JwsAlgorithm algorithm();

    /** @return the signature of {@code input[offset, offset + length)} */
    byte[] sign(byte[] input, int offset, int length);

    /**
     * @return whether {@code signature} is this key's signature of {@code input[offset, offset + length)},
     *     found in time that does not depend on where a wrong signature differs
     */
    boolean verify(byte[] input, int offset, int length, byte[] signature);

    /**
     * @param mac the HMAC of {@code algorithm} keyed with this key, thread-safe
     * @return a key whose verify recomputes the MAC and compares it in time that depends only on the lengths
     * @throws IllegalArgumentException when the key id is blank or {@code algorithm} is not an HMAC
     */
    static JwsKey hmac(String keyId, JwsAlgorithm algorithm, Mac mac) {
        return new HmacKey(keyId, algorithm, mac);
    }

    /**
     * A key pair's key. Its verify checks the signature's length and then asks {@code verifier}, whose
     * time depends only on public values (the token and the key), so it needs no constant-time compare.
     *
     * @param signer signs with the private key, thread-safe
     * @param verifier verifies with the public key, thread-safe
     * @return the key, once it has signed a probe that its verifier accepted
     * @throws IllegalArgumentException when the key id is blank, {@code algorithm} is an HMAC, or the
     *     private key's signature does not verify with the public key
     */
    static JwsKey signature(String keyId, JwsAlgorithm algorithm, Signer signer, SignatureVerifier verifier) {
        return new SignatureKey(keyId, algorithm, signer, verifier);
    }

    /**
     * The public half of a key pair alone, for a verifier that has the public keys only (a resource
     * server reading a JWK Set). It verifies as {@link #signature} does and cannot sign.
     *
     * @param verifier verifies with the public key, thread-safe
     * @throws IllegalArgumentException when the key id is blank or {@code algorithm} is an HMAC
     */
    static JwsKey verifying(String keyId, JwsAlgorithm algorithm, SignatureVerifier verifier) {
        return new VerifyingKey(keyId, algorithm, verifier);
    }
}

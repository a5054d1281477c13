package dev.inkan.token;

/**
 * Driven side of the format: signature verification already holding one public key, as a crypto
 * adapter supplies it (JCA, Bouncy Castle). It must be safe to call from many threads at once, and
 * it is only ever given a signature of its algorithm's one length.
 */
@FunctionalInterface
public interface SignatureVerifier {

    /**
     * @param signature the signature in its JWS form (for ES256, R ‖ S), which the verifier reads
     *     strictly: an encoding the algorithm does not define is refused, never repaired
     * @return whether {@code signature} is the public key's signature of {@code input[offset, offset + length)}
     */
    boolean verify(byte[] input, int offset, int length, byte[] signature);
}

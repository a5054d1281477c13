package dev.inkan.token;

/**
 * Driven side of the format: a signature function already holding one private key, as a crypto
 * adapter supplies it (JCA, Bouncy Castle). It must be safe to call from many threads at once.
 */
@FunctionalInterface
public interface Signer {

    /** @return the signature of {@code input[offset, offset + length)}, in its JWS form (for ES256, R ‖ S) */
    byte[] sign(byte[] input, int offset, int length);
}

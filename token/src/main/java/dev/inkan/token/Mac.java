package dev.inkan.token;

/**
 * Driven side of the format: an HMAC already keyed with one key, as a crypto adapter supplies it
 * (JCA, Bouncy Castle). It must be safe to call from many threads at once.
 */
@FunctionalInterface
public interface Mac {

    /** @return the MAC of {@code input[offset, offset + length)} */
    byte[] compute(byte[] input, int offset, int length);
}

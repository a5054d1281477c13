package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.RandomSource;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Randomness from the JDK's DRBG (NIST SP 800-90A), one generator per thread. The default
 * {@code new SecureRandom()} on Linux reads through one lock that every instance shares, so under a
 * flood of requests the threads that need randomness queue up behind each other; a generator of
 * each thread's own, seeded from the system, needs no lock that another thread holds.
 */
public final class SecureRandomSource implements RandomSource {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandomSource::newGenerator);

    @Override
    public byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.get().nextBytes(bytes);
        return bytes;
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK since 9 has DRBG", e);
        }
    }

    /** A version 4, variant 2 UUID (RFC 9562 5.4), as {@link UUID#randomUUID()} makes them. */
    @Override
    public UUID uuid() {
        ByteBuffer bits = ByteBuffer.wrap(bytes(16));
        long high = (bits.getLong() & ~0xF000L) | 0x4000L;
        long low = (bits.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}

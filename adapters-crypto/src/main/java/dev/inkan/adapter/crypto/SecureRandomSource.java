package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.RandomSource;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.UUID;

/** Randomness from the JDK's {@link SecureRandom}. */
public final class SecureRandomSource implements RandomSource {

    private final SecureRandom random = new SecureRandom();

    @Override
    public byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
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

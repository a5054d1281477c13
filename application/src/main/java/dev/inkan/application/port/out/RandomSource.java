package dev.inkan.application.port.out;

import java.util.UUID;

/** Driven port: cryptographically strong randomness for ids and opaque tokens. */
public interface RandomSource {

    /** @return {@code count} random bytes */
    byte[] bytes(int count);

    /** @return a random (version 4) UUID */
    UUID uuid();
}

package dev.inkan.adapter.crypto;

/**
 * Argon2id cost parameters.
 *
 * @param memoryKiB memory in KiB ({@code m})
 * @param iterations passes over memory ({@code t})
 * @param parallelism lanes ({@code p})
 */
public record Argon2Parameters(int memoryKiB, int iterations, int parallelism) {

    /** OWASP's minimum for Argon2id: 19 MiB, 2 iterations, 1 lane. */
    public static final Argon2Parameters OWASP_MINIMUM = new Argon2Parameters(19_456, 2, 1);

    /** @throws IllegalArgumentException when Argon2 cannot run with these values */
    public Argon2Parameters {
        if (parallelism < 1 || parallelism > 0xFFFFFF) {
            throw new IllegalArgumentException("Argon2 parallelism must be at least 1");
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("Argon2 iterations must be at least 1");
        }
        if (memoryKiB < 8 * parallelism) {
            throw new IllegalArgumentException("Argon2 memory must be at least 8 KiB per lane");
        }
    }

    /** @return whether any of the three costs is lower than in {@code other} */
    public boolean isWeakerThan(Argon2Parameters other) {
        return memoryKiB < other.memoryKiB || iterations < other.iterations || parallelism < other.parallelism;
    }
}

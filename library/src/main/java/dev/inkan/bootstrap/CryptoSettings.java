package dev.inkan.bootstrap;

import dev.inkan.adapter.crypto.Argon2Parameters;
import dev.inkan.adapter.crypto.ConcurrencyLimitedPasswordHasher;
import java.util.Objects;

/**
 * Typed crypto configuration: the HMAC provider, the password hasher, its Argon2id parameters, how
 * many hashes may run at once and how many may wait for a turn.
 */
public record CryptoSettings(CryptoProvider provider, PasswordHasherChoice hasher, Argon2Parameters argon2,
                             int hashConcurrency, int hashQueue) {

    /** OWASP's minimum for Argon2id: 19 MiB, 2 iterations, 1 lane. Weaker settings are refused. */
    static final int MIN_MEMORY_KIB = 19_456;
    static final int MIN_ITERATIONS = 2;

    public CryptoSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(argon2, "argon2");
        if (hashConcurrency < 1) {
            throw new IllegalArgumentException("hashConcurrency must be at least 1");
        }
        if (hashQueue < 0) {
            throw new IllegalArgumentException("hashQueue cannot be negative");
        }
    }

    /** Hashes that may wait for a turn: {@value ConcurrencyLimitedPasswordHasher#DEFAULT_WAITING_PER_THREAD} per hashing thread. */
    static int defaultHashQueue(int hashConcurrency) {
        return hashConcurrency * ConcurrencyLimitedPasswordHasher.DEFAULT_WAITING_PER_THREAD;
    }

    /**
     * One hash per core at a time: more cannot finish sooner, only hold more memory at once. The
     * pure-Java hasher takes its memory from the Java heap, so it also gets no more hashes at once
     * than a quarter of the heap holds (and at least one).
     */
    static int defaultHashConcurrency(PasswordHasherChoice hasher, Argon2Parameters argon2) {
        return defaultHashConcurrency(hasher, argon2, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory());
    }

    static int defaultHashConcurrency(PasswordHasherChoice hasher, Argon2Parameters argon2, int cores, long maxHeapBytes) {
        if (hasher != PasswordHasherChoice.ARGON2_BC) {
            return cores;
        }
        long heapShare = maxHeapBytes / 4 / (argon2.memoryKiB() * 1024L);
        return (int) Math.max(1, Math.min(cores, heapShare));
    }

    /**
     * @param defaultHasher the hasher when {@code INKAN_PASSWORD_HASHER} is not set: the pure-Java one
     *     for the library (it brings no native code), the native one for the server
     */
    static CryptoSettings from(ConfigSource config, PasswordHasherChoice defaultHasher) {
        PasswordHasherChoice hasher = config.choice("INKAN_PASSWORD_HASHER", defaultHasher,
                PasswordHasherChoice.class, PasswordHasherChoice::parse);
        Argon2Parameters argon2 = new Argon2Parameters(
                config.integer("INKAN_ARGON2_MEMORY_KIB", MIN_MEMORY_KIB, MIN_MEMORY_KIB, 4 * 1024 * 1024),
                config.integer("INKAN_ARGON2_ITERATIONS", MIN_ITERATIONS, MIN_ITERATIONS, 100),
                config.integer("INKAN_ARGON2_PARALLELISM", 1, 1, 64));
        int concurrency = config.integer("INKAN_PASSWORD_HASH_CONCURRENCY", defaultHashConcurrency(hasher, argon2), 1, 1024);
        return new CryptoSettings(
                config.choice("INKAN_CRYPTO_PROVIDER", CryptoProvider.JCA, CryptoProvider.class, CryptoProvider::parse),
                hasher, argon2, concurrency,
                config.integer("INKAN_PASSWORD_HASH_QUEUE", defaultHashQueue(concurrency), 0, 1_000_000));
    }
}

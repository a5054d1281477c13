package dev.inkan.application.service;

import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.domain.Password;
import dev.inkan.domain.PasswordHash;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A password hasher that runs at most a fixed number of hashes at once, on as many threads of its
 * own; callers wait their turn, first come first served. Each Argon2id hash holds its whole memory
 * cost (19 MiB and up) while it runs, so without a bound a burst of logins multiplies that by the
 * number of request threads: memory a burst can exhaust, for hashes the cores could not finish any
 * sooner. Keeping the hashing on a few threads also keeps the C allocator from setting aside that
 * memory once for every request thread that ever hashed.
 */
public final class ConcurrencyLimitedPasswordHasher implements PasswordHasher, AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final PasswordHasher hasher;
    private final ExecutorService threads;

    /** @throws IllegalArgumentException unless {@code maxConcurrent} is at least 1 */
    public ConcurrencyLimitedPasswordHasher(PasswordHasher hasher, int maxConcurrent) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("at least one hash must be able to run");
        }
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(maxConcurrent, task -> {
            Thread thread = new Thread(task, "inkan-password-hash-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public PasswordHash hash(Password password) {
        return limited(() -> hasher.hash(password));
    }

    @Override
    public boolean verify(PasswordHash hash, Password password) {
        return limited(() -> hasher.verify(hash, password));
    }

    /** Reads parameters from the PHC string only: no hashing, so no turn to wait for. */
    @Override
    public boolean needsRehash(PasswordHash hash) {
        return hasher.needsRehash(hash);
    }

    /** Stops the hashing threads; hashes asked for afterwards are refused. */
    @Override
    public void close() {
        threads.shutdownNow();
    }

    private <T> T limited(Callable<T> hashing) {
        Future<T> result = threads.submit(hashing);
        // Waits through interrupts: a login a moment from done should not fail because its request
        // thread was interrupted, and no wait is longer than a few hashes. The interrupt is kept.
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException("password hashing failed", e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

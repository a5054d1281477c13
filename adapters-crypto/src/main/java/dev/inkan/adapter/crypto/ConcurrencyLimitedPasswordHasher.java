package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.application.port.out.PasswordHashingBusyException;
import dev.inkan.domain.Password;
import dev.inkan.domain.PasswordHash;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A password hasher that runs at most a fixed number of hashes at once, on as many threads of its
 * own, with a bounded line of callers waiting their turn, first come first served. Each Argon2id
 * hash holds its whole memory cost (19 MiB and up) while it runs, so without a bound a burst of
 * logins multiplies that by the number of request threads: memory a burst can exhaust, for hashes
 * the cores could not finish any sooner. Keeping the hashing on a few threads also keeps the C
 * allocator from setting aside that memory once for every request thread that ever hashed.
 *
 * <p>When the line is full, a hash is refused at once with {@link PasswordHashingBusyException}: a
 * flood of logins or registrations then costs its requests a quick 503 instead of parking every
 * request thread behind Argon2, and no caller waits longer than the hashes ahead of it take.
 */
public final class ConcurrencyLimitedPasswordHasher implements PasswordHasher, AutoCloseable {

    /** Hashes that may wait per hashing thread, by default: a wait of a few hundred milliseconds at most. */
    public static final int DEFAULT_WAITING_PER_THREAD = 8;

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final PasswordHasher hasher;
    private final ExecutorService threads;
    /** One permit per hash running or waiting; a caller that finds none left is refused. */
    private final Semaphore places;

    /**
     * @param maxConcurrent hashes running at once, each on a thread of its own
     * @param maxWaiting hashes waiting for a thread at most; 0 refuses any hash that finds every thread busy
     * @throws IllegalArgumentException unless {@code maxConcurrent} is at least 1 and {@code maxWaiting} at least 0
     */
    public ConcurrencyLimitedPasswordHasher(PasswordHasher hasher, int maxConcurrent, int maxWaiting) {
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("at least one hash must be able to run");
        }
        if (maxWaiting < 0) {
            throw new IllegalArgumentException("the number of hashes that may wait cannot be negative");
        }
        this.places = new Semaphore(maxConcurrent + maxWaiting);
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

    /** Reads parameters from the PHC string only: no hashing, so no turn to wait for and never busy. */
    @Override
    public boolean needsRehash(PasswordHash hash) {
        return hasher.needsRehash(hash);
    }

    /**
     * Stops the hashing threads; hashes still waiting fail at once (none is left waiting for good),
     * and hashes asked for afterwards are refused.
     */
    @Override
    public void close() {
        for (Runnable waiting : threads.shutdownNow()) {
            if (waiting instanceof Future<?> future && future.cancel(false)) {
                places.release(); // its task never runs, so never gives its place back itself
            }
        }
    }

    private <T> T limited(Callable<T> hashing) {
        if (!places.tryAcquire()) {
            throw new PasswordHashingBusyException("every password-hashing thread is busy and the line for them is full");
        }
        Future<T> result;
        try {
            result = threads.submit(() -> {
                try {
                    return hashing.call();
                } finally {
                    places.release();
                }
            });
        } catch (RejectedExecutionException closed) {
            places.release();
            throw closed;
        }
        return awaitThroughInterrupts(result);
    }

    /**
     * Waits through interrupts: a login a moment from done should not fail because its request
     * thread was interrupted, and no wait is longer than the bounded line ahead of it. The
     * interrupt is kept.
     */
    private static <T> T awaitThroughInterrupts(Future<T> result) {
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

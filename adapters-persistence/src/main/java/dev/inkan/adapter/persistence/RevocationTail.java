package dev.inkan.adapter.persistence;

import dev.inkan.application.port.out.RevocationStream;
import dev.inkan.domain.SequencedRevocation;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows the end of the revocation log for one instance: woken when a revocation is committed here
 * or heard from another instance (and once a second in any case), it reads what lies past the last
 * seq it delivered and hands it to its listeners in seq order. Since revocations commit in seq order
 * (see {@link RevocationLog}), reading past the last seq misses nothing. One daemon thread, started by
 * the first subscription; a listener that throws does not keep a revocation from the others.
 */
final class RevocationTail implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RevocationTail.class.getName());
    /** How long the tail waits for a wake-up before it reads anyway, in case a notification was lost. */
    static final long POLL_MILLIS = 1_000;
    private static final long RETRY_MILLIS = 1_000;
    /** Rows read at once; a tail further behind reads again at once. */
    private static final int BATCH = 1_000;

    private final JdbiStoreCalls calls;
    private final RevocationLog log;
    private final List<Consumer<SequencedRevocation>> listeners = new CopyOnWriteArrayList<>();
    /** Guards {@link #position}, the thread's start and every delivery, so a new listener's position is exact. */
    private final Object lock = new Object();
    private final Object signal = new Object();
    private long position = -1;
    private Thread thread;
    private boolean woken;
    private volatile boolean running = true;

    RevocationTail(JdbiStoreCalls calls, RevocationLog log) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.log = Objects.requireNonNull(log, "log");
    }

    /** @throws dev.inkan.application.port.out.StoreUnavailableException when the log cannot be read for the first time */
    RevocationStream.Subscription subscribe(Consumer<SequencedRevocation> listener) {
        Objects.requireNonNull(listener, "listener");
        synchronized (lock) {
            if (thread == null) {
                position = calls.withHandle(log::lastSeq);
                thread = new Thread(this::run, "inkan-revocation-tail");
                thread.setDaemon(true);
                thread.start();
            }
            listeners.add(listener);
            long at = position;
            return new RevocationStream.Subscription() {
                @Override
                public long position() {
                    return at;
                }

                @Override
                public void close() {
                    listeners.remove(listener);
                }
            };
        }
    }

    /** Tells the tail that the log may have grown. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        while (running) {
            await();
            try {
                while (running && readOnce() == BATCH) {
                    // further behind than one batch: read on at once
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.log(Level.WARNING, "could not read the revocation log (" + e.getClass().getSimpleName()
                            + "); reading again in " + RETRY_MILLIS + " ms");
                    pause(RETRY_MILLIS);
                }
            }
        }
    }

    /** @return how many rows it read */
    private int readOnce() {
        long from;
        synchronized (lock) {
            from = position;
        }
        List<SequencedRevocation> read = calls.withHandle(handle -> log.after(handle, from, BATCH));
        synchronized (lock) {
            for (SequencedRevocation revocation : read) {
                if (revocation.seq() > position) {
                    deliver(revocation);
                    position = revocation.seq();
                }
            }
        }
        return read.size();
    }

    private void deliver(SequencedRevocation revocation) {
        for (Consumer<SequencedRevocation> listener : listeners) {
            try {
                listener.accept(revocation);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a revocation stream listener failed; the others still get the revocation", e);
            }
        }
    }

    private void await() {
        synchronized (signal) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS);
            long left = POLL_MILLIS;
            while (!woken && running && left > 0) {
                try {
                    signal.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                    return;
                }
                left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            }
            woken = false;
        }
    }

    private void pause(long millis) {
        synchronized (signal) {
            try {
                signal.wait(millis); // close() wakes it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    /** Stops the thread, once a read under way has ended: never by an interrupt, which H2 answers by closing its file. */
    @Override
    public void close() {
        running = false;
        wake();
        Thread started;
        synchronized (lock) {
            started = thread;
        }
        if (started != null) {
            try {
                started.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package dev.inkan.adapter.web;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the requests that must not show in their answer's timing whether an account exists (a
 * password reset, a new verification link asked for by address) do their work: after the answer,
 * on a daemon thread, a bounded number waiting. Whatever the work finds or fails at, the caller has
 * had the same 202 already; a failure is logged by its kind alone.
 */
final class BackgroundRequests {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundRequests.class);
    private static final int WAITING = 1_000;

    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(WAITING), runnable -> {
                Thread thread = new Thread(runnable, "inkan-account-requests");
                thread.setDaemon(true);
                return thread;
            });

    /** Runs {@code work} soon, or drops it with a warning when {@value #WAITING} requests wait already. */
    void run(String kind, Runnable work) {
        try {
            worker.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.warn("{} request failed: {}", kind, e.getClass().getSimpleName());
                }
            });
        } catch (RejectedExecutionException full) {
            LOG.warn("{} request dropped: {} are waiting already", kind, WAITING);
        }
    }
}

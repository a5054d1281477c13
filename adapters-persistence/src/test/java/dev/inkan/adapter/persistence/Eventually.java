package dev.inkan.adapter.persistence;

import java.time.Duration;
import java.time.Instant;

/** Test helper: an assertion about what another thread does, retried until it holds or time is up. */
final class Eventually {

    private Eventually() {
    }

    /** Retries {@code assertion} until it passes or {@code limit} is up, then lets its failure through. */
    static void eventually(Duration limit, Runnable assertion) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }
}

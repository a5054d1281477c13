package dev.inkan.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntSupplier;

/** Test helper: waiting, for no longer than a limit, until another instance answers as expected. */
final class Await {

    private Await() {
    }

    /** Asks {@code status} every 20 ms until it answers {@code expected}; fails with the last answer once {@code limit} is up. */
    static void awaitWithin(Duration limit, IntSupplier status, int expected) {
        Instant deadline = Instant.now().plus(limit);
        int last;
        do {
            last = status.getAsInt();
            if (last == expected) {
                return;
            }
            sleep(20);
        } while (Instant.now().isBefore(deadline));
        assertThat(last).as("status within %s", limit).isEqualTo(expected);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

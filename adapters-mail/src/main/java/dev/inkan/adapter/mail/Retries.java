package dev.inkan.adapter.mail;

import java.time.Duration;
import java.util.Objects;

/**
 * How a failed delivery is tried again: after {@code firstDelay}, then twice as long each time, up to
 * {@code maxDelay}, for {@code attempts} tries in all; then the message is given up.
 */
record Retries(int attempts, Duration firstDelay, Duration maxDelay) {

    /** Six tries over about half a minute: 1 s, 2 s, 4 s, 8 s, 16 s apart. */
    static final Retries DEFAULT = new Retries(6, Duration.ofSeconds(1), Duration.ofMinutes(1));

    Retries {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (attempts < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("at least one attempt, and delays that do not shrink");
        }
    }

    /** @return the wait before try {@code failed + 1}, after {@code failed} tries failed */
    Duration delayAfter(int failed) {
        Duration delay = firstDelay;
        for (int i = 1; i < failed && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}

package dev.inkan.adapter.mail;

import dev.inkan.domain.Email;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * At most {@code perHour} messages to one address in any rolling hour, counted in this instance's
 * memory: each recipient's send times of the last hour, so the count is exact at every moment
 * rather than refilled in steps. Addresses that got nothing for an hour are forgotten.
 */
final class RecipientLimit {

    static final Duration WINDOW = Duration.ofHours(1);
    /** How many checks pass between sweeps of the addresses whose hour is over. */
    private static final int SWEEP_EVERY = 1024;

    private final int perHour;
    private final Clock clock;
    /** Guarded by {@code this}: send() is called from every request thread. */
    private final Map<String, Deque<Instant>> sent = new HashMap<>();
    private int checks;

    RecipientLimit(int perHour, Clock clock) {
        if (perHour < 1) {
            throw new IllegalArgumentException("perHour must be at least 1");
        }
        this.perHour = perHour;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return whether one more message to {@code recipient} is allowed now, counting it if so */
    synchronized boolean tryAcquire(Email recipient) {
        Instant now = clock.instant();
        Instant horizon = now.minus(WINDOW);
        if (++checks % SWEEP_EVERY == 0) {
            sent.values().removeIf(times -> forget(times, horizon));
        }
        Deque<Instant> times = sent.computeIfAbsent(recipient.value(), address -> new ArrayDeque<>());
        forget(times, horizon);
        if (times.size() >= perHour) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    /** Gives back the message just counted for {@code recipient}, which was not sent after all. */
    synchronized void release(Email recipient) {
        Deque<Instant> times = sent.get(recipient.value());
        if (times != null) {
            times.pollLast();
        }
    }

    /** Drops the times before {@code horizon}, and tells whether none is left. */
    private static boolean forget(Deque<Instant> times, Instant horizon) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.removeFirst();
        }
        return times.isEmpty();
    }

    int perHour() {
        return perHour;
    }
}

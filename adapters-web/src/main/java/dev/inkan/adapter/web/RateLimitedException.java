package dev.inkan.adapter.web;

import java.time.Duration;

/** Too many attempts: the caller should wait {@link #retryAfter()} (HTTP 429 with {@code Retry-After}). */
final class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    RateLimitedException(Duration retryAfter) {
        super("rate limited", null, false, false);
        this.retryAfter = retryAfter;
    }

    /** @return whole seconds to wait, at least one */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    Duration retryAfter() {
        return retryAfter;
    }
}

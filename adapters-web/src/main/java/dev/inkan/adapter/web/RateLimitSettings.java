package dev.inkan.adapter.web;

import java.time.Duration;
import java.util.Objects;

/**
 * Abuse limits, each "so many per window": failed logins per account, login attempts per client
 * address, refreshes per client address, registrations per client address. Failed logins also meet
 * a slower, longer limit, so a sustained guess slows down further but never locks the owner out for
 * good.
 */
public record RateLimitSettings(boolean enabled, Duration window, int loginFailuresPerAccount, int loginsPerAddress,
                                int refreshesPerAddress, int registrationsPerAddress) {

    public RateLimitSettings {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the rate limit window must be positive");
        }
        if (loginFailuresPerAccount < 1 || loginsPerAddress < 1 || refreshesPerAddress < 1 || registrationsPerAddress < 1) {
            throw new IllegalArgumentException("rate limits must be at least 1 per window");
        }
    }

    /** 5 failed logins per account, 30 logins, 60 refreshes and 10 registrations per address, each per minute. */
    public static RateLimitSettings defaults() {
        return new RateLimitSettings(true, Duration.ofMinutes(1), 5, 30, 60, 10);
    }
}

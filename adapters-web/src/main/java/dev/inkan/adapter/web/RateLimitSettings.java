package dev.inkan.adapter.web;

import java.time.Duration;
import java.util.Objects;

/**
 * Abuse limits, each "so many per window": failed logins per account, login attempts per client
 * address, refreshes per client address, registrations per client address, and requests that mail
 * a link (a password reset, a new verification link) or use a reset link, per client address and
 * per e-mail address. Failed logins also meet a slower, longer limit, so a sustained guess slows
 * down further but never locks the owner out for good. A wrong password in the account flows
 * (change of password or address, deleting the account) counts as a failed login.
 */
public record RateLimitSettings(boolean enabled, Duration window, int loginFailuresPerAccount, int loginsPerAddress,
                                int refreshesPerAddress, int registrationsPerAddress, int mailRequestsPerAddress,
                                int mailRequestsPerEmail) {

    /** Link requests per client address per window when nothing else is said. */
    public static final int DEFAULT_MAIL_REQUESTS_PER_ADDRESS = 10;
    /** Link requests per e-mail address per window when nothing else is said. */
    public static final int DEFAULT_MAIL_REQUESTS_PER_EMAIL = 3;

    public RateLimitSettings {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the rate limit window must be positive");
        }
        if (loginFailuresPerAccount < 1 || loginsPerAddress < 1 || refreshesPerAddress < 1 || registrationsPerAddress < 1
                || mailRequestsPerAddress < 1 || mailRequestsPerEmail < 1) {
            throw new IllegalArgumentException("rate limits must be at least 1 per window");
        }
    }

    /** The limits with the default link requests: 10 per client address and 3 per e-mail address. */
    public RateLimitSettings(boolean enabled, Duration window, int loginFailuresPerAccount, int loginsPerAddress,
                             int refreshesPerAddress, int registrationsPerAddress) {
        this(enabled, window, loginFailuresPerAccount, loginsPerAddress, refreshesPerAddress, registrationsPerAddress,
                DEFAULT_MAIL_REQUESTS_PER_ADDRESS, DEFAULT_MAIL_REQUESTS_PER_EMAIL);
    }

    /**
     * 5 failed logins per account, 30 logins, 60 refreshes and 10 registrations per address, 10 link
     * requests per address and 3 per e-mail address, each per minute.
     */
    public static RateLimitSettings defaults() {
        return new RateLimitSettings(true, Duration.ofMinutes(1), 5, 30, 60, 10);
    }
}

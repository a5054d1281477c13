package dev.inkan.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Domain rules for how long tokens live. An access token lives {@code accessTtl}. A session's refresh
 * tokens slide forward with every refresh ({@code refreshTtl}), but never past the session's absolute
 * lifetime ({@code sessionMaxLifetime}) from its login. Who issues tokens for whom, and the clock
 * skew a check forgives, are the token format's rules ({@code dev.inkan.token.TokenRules}).
 */
public record TokenPolicy(Duration accessTtl, Duration refreshTtl, Duration sessionMaxLifetime) {

    public static final Duration DEFAULT_ACCESS_TTL = Duration.ofMinutes(15);
    public static final Duration DEFAULT_REFRESH_TTL = Duration.ofDays(7);
    public static final Duration DEFAULT_SESSION_MAX_LIFETIME = Duration.ofDays(30);

    /**
     * @throws IllegalArgumentException when a lifetime is not whole seconds of at least one second, or
     *     the refresh or session lifetime is shorter than the access lifetime
     */
    public TokenPolicy {
        requireWholeSeconds("access lifetime", accessTtl);
        requireWholeSeconds("refresh lifetime", refreshTtl);
        requireWholeSeconds("session lifetime", sessionMaxLifetime);
        if (refreshTtl.compareTo(accessTtl) < 0) {
            throw new IllegalArgumentException("the refresh lifetime must not be shorter than the access lifetime");
        }
        if (sessionMaxLifetime.compareTo(accessTtl) < 0) {
            throw new IllegalArgumentException("the session lifetime must not be shorter than the access lifetime");
        }
    }

    /** The same policy with the default absolute session lifetime of 30 days. */
    public TokenPolicy(Duration accessTtl, Duration refreshTtl) {
        this(accessTtl, refreshTtl, DEFAULT_SESSION_MAX_LIFETIME);
    }

    /** @return when a session that started at {@code sessionStartedAt} ends, however often it refreshes */
    public Instant sessionEndsAt(Instant sessionStartedAt) {
        return sessionStartedAt.plus(sessionMaxLifetime);
    }

    /** @return the expiry of a refresh token issued at {@code now}: the sliding lifetime, cut at the session's end */
    public Instant refreshExpiry(Instant now, Instant sessionStartedAt) {
        Instant sliding = now.plus(refreshTtl);
        Instant end = sessionEndsAt(sessionStartedAt);
        return sliding.isBefore(end) ? sliding : end;
    }

    private static void requireWholeSeconds(String what, Duration duration) {
        Objects.requireNonNull(duration, what);
        if (duration.compareTo(Duration.ofSeconds(1)) < 0 || duration.getNano() != 0) {
            throw new IllegalArgumentException(what + " must be whole seconds, at least 1s");
        }
    }
}

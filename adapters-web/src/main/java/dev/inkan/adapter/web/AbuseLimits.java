package dev.inkan.adapter.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Login and refresh limits with Bucket4j token buckets, in this instance's memory. A bucket that
 * has filled up again holds no information and is dropped, so memory stays bounded by the callers
 * of the last window.
 */
final class AbuseLimits {

    private static final int SWEEP_THRESHOLD = 10_000;

    private final RateLimitSettings settings;
    private final Map<String, Limited> buckets = new ConcurrentHashMap<>();

    AbuseLimits(RateLimitSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Counts a login attempt from {@code address} and checks the account still has failures left.
     *
     * @throws RateLimitedException when either limit is reached
     */
    void beforeLogin(String address, String email) {
        if (!settings.enabled()) {
            return;
        }
        consume("login-address:" + address, settings.loginsPerAddress());
        EstimationProbe failuresLeft = accountFailures(email).estimateAbilityToConsume(1);
        if (!failuresLeft.canBeConsumed()) {
            throw new RateLimitedException(Duration.ofNanos(failuresLeft.getNanosToWaitForRefill()));
        }
    }

    /** A wrong password for {@code email}: one failure of the account's allowance spent. */
    void loginFailed(String email) {
        if (settings.enabled()) {
            accountFailures(email).tryConsume(1);
        }
    }

    /**
     * Counts a refresh from {@code address}.
     *
     * @throws RateLimitedException when the limit is reached
     */
    void beforeRefresh(String address) {
        if (settings.enabled()) {
            consume("refresh-address:" + address, settings.refreshesPerAddress());
        }
    }

    private void consume(String key, int perWindow) {
        Bucket bucket = bucket(key, perWindow, () -> Bucket.builder().addLimit(perWindow(perWindow, 1)).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new RateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** N failures per window, and beyond that 4N per 15 windows: slower and slower, never forever. */
    private Bucket accountFailures(String email) {
        int perWindow = settings.loginFailuresPerAccount();
        return bucket("login-failures:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT)), perWindow,
                () -> Bucket.builder().addLimit(perWindow(perWindow, 1)).addLimit(perWindow(perWindow * 4, 15)).build());
    }

    private Bandwidth perWindow(int tokens, int windows) {
        return Bandwidth.builder().capacity(tokens).refillIntervally(tokens, settings.window().multipliedBy(windows)).build();
    }

    private Bucket bucket(String key, int capacity, java.util.function.Supplier<Bucket> newBucket) {
        if (buckets.size() > SWEEP_THRESHOLD) {
            buckets.values().removeIf(Limited::isFull);
        }
        return buckets.computeIfAbsent(key, unused -> new Limited(newBucket.get(), capacity)).bucket();
    }

    /** A bucket with the capacity of its first limit, to tell when it has nothing left to remember. */
    private record Limited(Bucket bucket, long capacity) {
        boolean isFull() {
            return bucket.getAvailableTokens() >= capacity;
        }
    }
}

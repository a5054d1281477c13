package dev.inkan.adapter.web;

import dev.inkan.application.port.out.StoreUnavailableException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/** Login, refresh and registration limits as Bucket4j token buckets, wherever {@link RateLimitBuckets} keeps them. */
final class AbuseLimits {

    private final RateLimitSettings settings;
    private final RateLimitBuckets buckets;

    AbuseLimits(RateLimitSettings settings, RateLimitBuckets buckets) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.buckets = Objects.requireNonNull(buckets, "buckets");
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
        EstimationProbe failuresLeft = reachable(() -> accountFailures(email).estimateAbilityToConsume(1));
        if (!failuresLeft.canBeConsumed()) {
            throw new RateLimitedException(Duration.ofNanos(failuresLeft.getNanosToWaitForRefill()));
        }
    }

    /**
     * Counts a password check from {@code address} for a caller who is logged in already (a change of
     * password or address, deleting the account), which costs an Argon2id hash like a login: each
     * address gets as many as it gets logins, and the account must have failures left, as at login.
     *
     * @throws RateLimitedException when either limit is reached
     */
    void beforePasswordCheck(String address, String email) {
        if (!settings.enabled()) {
            return;
        }
        consume("password-check-address:" + address, settings.loginsPerAddress());
        EstimationProbe failuresLeft = reachable(() -> accountFailures(email).estimateAbilityToConsume(1));
        if (!failuresLeft.canBeConsumed()) {
            throw new RateLimitedException(Duration.ofNanos(failuresLeft.getNanosToWaitForRefill()));
        }
    }

    /**
     * Counts a request that mails a link ({@code kind}: a password reset, a new verification link)
     * from {@code address} for {@code email}: each address, and each e-mail address, gets a few.
     *
     * @throws RateLimitedException when either limit is reached
     */
    void beforeMailRequest(String kind, String address, String email) {
        if (!settings.enabled()) {
            return;
        }
        consume(kind + "-address:" + address, settings.mailRequestsPerAddress());
        consume(kind + "-email:" + email.strip().toLowerCase(Locale.ROOT), settings.mailRequestsPerEmail());
    }

    /**
     * Counts a use of a reset link from {@code address}: each costs an Argon2id hash.
     *
     * @throws RateLimitedException when the limit is reached
     */
    void beforeResetConfirmation(String address) {
        if (settings.enabled()) {
            consume("reset-confirm-address:" + address, settings.mailRequestsPerAddress());
        }
    }

    /** A wrong password for {@code email}: one failure of the account's allowance spent. */
    void loginFailed(String email) {
        if (settings.enabled()) {
            reachable(() -> accountFailures(email).tryConsume(1));
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

    /**
     * Counts a registration from {@code address}: each one costs an Argon2id hash and makes an account.
     *
     * @throws RateLimitedException when the limit is reached
     */
    void beforeRegistration(String address) {
        if (settings.enabled()) {
            consume("register-address:" + address, settings.registrationsPerAddress());
        }
    }

    private void consume(String key, int perWindow) {
        Bucket bucket = buckets.bucket(key, () -> BucketConfiguration.builder().addLimit(perWindow(perWindow, 1)).build());
        ConsumptionProbe probe = reachable(() -> bucket.tryConsumeAndReturnRemaining(1));
        if (!probe.isConsumed()) {
            throw new RateLimitedException(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** N failures per window, and beyond that 4N per 15 windows: slower and slower, never forever. */
    private Bucket accountFailures(String email) {
        int perWindow = settings.loginFailuresPerAccount();
        return buckets.bucket("login-failures:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT)),
                () -> BucketConfiguration.builder().addLimit(perWindow(perWindow, 1)).addLimit(perWindow(perWindow * 4, 15)).build());
    }

    /** A bucket kept in a database fails when the database does: that is an outage (503), not a bug. */
    private static <T> T reachable(java.util.function.Supplier<T> operation) {
        try {
            return operation.get();
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("rate-limit store unavailable", e);
        }
    }

    private Bandwidth perWindow(int tokens, int windows) {
        return Bandwidth.builder().capacity(tokens).refillIntervally(tokens, settings.window().multipliedBy(windows)).build();
    }
}

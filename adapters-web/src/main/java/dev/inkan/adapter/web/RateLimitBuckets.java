package dev.inkan.adapter.web;

import dev.inkan.application.port.out.StoreUnavailableException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Where the rate-limit buckets live: this instance's memory, or a Bucket4j store that every instance shares. */
@FunctionalInterface
public interface RateLimitBuckets {

    /** @return the bucket under {@code key}, made with {@code configuration} the first time */
    Bucket bucket(String key, Supplier<BucketConfiguration> configuration);

    /**
     * Buckets in this instance's memory, for one instance. A bucket that has filled up again holds
     * no information and is dropped, so memory stays bounded by the callers of the last window. The
     * map is swept when it has grown to twice what the last sweep left (and 10,000 at least), by one
     * caller at a time, so a sweep costs each call a constant share however many callers there are.
     */
    static RateLimitBuckets inMemory() {
        Map<String, Local> buckets = new ConcurrentHashMap<>();
        AtomicInteger sweepAt = new AtomicInteger(Local.FIRST_SWEEP);
        return (key, configuration) -> {
            int threshold = sweepAt.get();
            if (buckets.size() > threshold && sweepAt.compareAndSet(threshold, Integer.MAX_VALUE)) {
                buckets.values().removeIf(Local::isFull);
                sweepAt.set(Math.max(Local.FIRST_SWEEP, 2 * buckets.size()));
            }
            return buckets.computeIfAbsent(key, unused -> Local.of(configuration.get())).bucket();
        };
    }

    /**
     * Buckets in a Bucket4j distributed store (PostgreSQL, for instances sharing one database). A
     * store that cannot be reached makes the request fail as any store outage does (503).
     */
    static RateLimitBuckets shared(ProxyManager<String> store) {
        Objects.requireNonNull(store, "store");
        return (key, configuration) -> {
            try {
                return store.getProxy(key, configuration);
            } catch (RuntimeException e) {
                throw new StoreUnavailableException("rate-limit store unavailable", e);
            }
        };
    }

    /** A bucket in memory, with the capacity of its first limit to tell when it remembers nothing. */
    record Local(Bucket bucket, long capacity) {

        /** How many buckets the map holds before its first sweep. */
        static final int FIRST_SWEEP = 10_000;

        static Local of(BucketConfiguration configuration) {
            var builder = Bucket.builder();
            for (var bandwidth : configuration.getBandwidths()) {
                builder.addLimit(bandwidth);
            }
            return new Local(builder.build(), configuration.getBandwidths()[0].getCapacity());
        }

        boolean isFull() {
            return bucket.getAvailableTokens() >= capacity;
        }
    }
}

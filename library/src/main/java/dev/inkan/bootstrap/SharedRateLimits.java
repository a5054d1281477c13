package dev.inkan.bootstrap;

import dev.inkan.adapter.persistence.JdbiDatabase;
import dev.inkan.adapter.web.RateLimitBuckets;
import dev.inkan.application.port.out.StoreUnavailableException;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;

/**
 * The abuse limits' buckets in Inkan's PostgreSQL database (table {@code inkan_rate_limit_buckets},
 * which the database's migrations make), so that every instance sharing it counts the same
 * attempts. Wired here, in the composition root, between the web adapter that counts and the
 * database that keeps the counts.
 */
final class SharedRateLimits {

    private static final int PURGE_BATCH = 10_000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> store;

    SharedRateLimits(JdbiDatabase database) {
        this.store = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database.dataSource())
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("inkan_rate_limit_buckets")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    RateLimitBuckets buckets() {
        return RateLimitBuckets.shared(store);
    }

    /** Deletes buckets that have filled up again; they remember nothing. */
    void purge() {
        try {
            store.removeExpired(PURGE_BATCH);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("rate-limit store unavailable", e);
        }
    }
}

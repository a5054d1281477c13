package dev.inkan.adapter.persistence;

/** {@link RevocationFeedContract} on PostgreSQL, in a schema of its own. */
class PostgresRevocationFeedTest extends RevocationFeedContract {

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.postgres();
    }
}

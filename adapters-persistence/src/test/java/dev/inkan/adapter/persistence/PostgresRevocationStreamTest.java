package dev.inkan.adapter.persistence;

/** {@link RevocationStreamContract} on PostgreSQL, in a schema of its own. */
class PostgresRevocationStreamTest extends RevocationStreamContract {

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.postgres();
    }
}

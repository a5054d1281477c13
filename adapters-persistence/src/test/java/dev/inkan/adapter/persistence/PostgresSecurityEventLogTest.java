package dev.inkan.adapter.persistence;

/** {@link SecurityEventLogContract} on PostgreSQL, in a schema of its own. */
class PostgresSecurityEventLogTest extends SecurityEventLogContract {

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.postgres();
    }
}

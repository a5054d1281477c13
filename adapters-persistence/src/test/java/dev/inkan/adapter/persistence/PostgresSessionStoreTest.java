package dev.inkan.adapter.persistence;

/** {@link SessionStoreContract} on PostgreSQL, in a schema of its own. */
class PostgresSessionStoreTest extends SessionStoreContract {

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.postgres();
    }
}

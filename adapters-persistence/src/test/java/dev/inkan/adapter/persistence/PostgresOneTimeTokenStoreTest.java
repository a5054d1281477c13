package dev.inkan.adapter.persistence;

/** {@link OneTimeTokenStoreContract} on PostgreSQL, in a schema of its own. */
class PostgresOneTimeTokenStoreTest extends OneTimeTokenStoreContract {

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.postgres();
    }
}

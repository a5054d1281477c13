package dev.inkan.adapter.persistence;

/** {@link RefreshTokenStoreContract} on PostgreSQL, in a schema of its own. */
class PostgresRefreshTokenStoreTest extends RefreshTokenStoreContract {

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.postgres();
    }
}

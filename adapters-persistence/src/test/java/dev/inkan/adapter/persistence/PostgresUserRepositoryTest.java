package dev.inkan.adapter.persistence;

/** {@link UserRepositoryContract} on PostgreSQL, in a schema of its own. */
class PostgresUserRepositoryTest extends UserRepositoryContract {

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.postgres();
    }
}

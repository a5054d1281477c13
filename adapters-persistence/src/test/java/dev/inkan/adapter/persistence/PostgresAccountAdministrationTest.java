package dev.inkan.adapter.persistence;

/** {@link AccountAdministrationContract} on PostgreSQL, in a schema of its own. */
class PostgresAccountAdministrationTest extends AccountAdministrationContract {

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.postgres();
    }
}

package dev.inkan.adapter.persistence;

/** {@link JdbiDatabaseContract} on PostgreSQL, in a schema of its own. */
class PostgresJdbiDatabaseTest extends JdbiDatabaseContract {

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.postgres();
    }

    @Override
    DatabaseSettings unreachableSettings() {
        return new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/test", "postgres", "", 1);
    }

    @Override
    TestDatabase openTestDatabaseAt(String version) {
        return TestDatabase.postgresAt(version);
    }
}

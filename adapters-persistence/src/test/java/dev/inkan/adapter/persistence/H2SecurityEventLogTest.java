package dev.inkan.adapter.persistence;

/** {@link SecurityEventLogContract} on an in-memory H2 database. */
class H2SecurityEventLogTest extends SecurityEventLogContract {

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.h2();
    }
}

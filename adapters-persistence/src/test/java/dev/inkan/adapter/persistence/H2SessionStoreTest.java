package dev.inkan.adapter.persistence;

/** {@link SessionStoreContract} on an in-memory H2 database. */
class H2SessionStoreTest extends SessionStoreContract {

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.h2();
    }
}

package dev.inkan.adapter.persistence;

/** {@link OneTimeTokenStoreContract} on H2 in memory. */
class H2OneTimeTokenStoreTest extends OneTimeTokenStoreContract {

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.h2();
    }
}

package dev.inkan.adapter.persistence;

/** {@link SigningKeyStoreContract} on H2 in memory. */
class H2SigningKeyStoreTest extends SigningKeyStoreContract {

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.h2();
    }
}

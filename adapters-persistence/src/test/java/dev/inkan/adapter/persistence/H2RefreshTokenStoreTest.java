package dev.inkan.adapter.persistence;

/** {@link RefreshTokenStoreContract} on H2 in memory. */
class H2RefreshTokenStoreTest extends RefreshTokenStoreContract {

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.h2();
    }
}

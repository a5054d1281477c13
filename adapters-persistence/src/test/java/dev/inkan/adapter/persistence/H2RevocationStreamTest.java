package dev.inkan.adapter.persistence;

/** {@link RevocationStreamContract} on H2 in memory. */
class H2RevocationStreamTest extends RevocationStreamContract {

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.h2();
    }
}

package dev.inkan.adapter.persistence;

/** {@link RevocationFeedContract} on H2 in memory. */
class H2RevocationFeedTest extends RevocationFeedContract {

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.h2();
    }
}

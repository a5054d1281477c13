package dev.inkan.adapter.persistence;

/** {@link AccountAdministrationContract} on H2 in memory. */
class H2AccountAdministrationTest extends AccountAdministrationContract {

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.h2();
    }
}

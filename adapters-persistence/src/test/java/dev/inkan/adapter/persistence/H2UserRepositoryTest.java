package dev.inkan.adapter.persistence;

/** {@link UserRepositoryContract} on H2 in memory. */
class H2UserRepositoryTest extends UserRepositoryContract {

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.h2();
    }
}

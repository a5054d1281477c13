package dev.inkan.adapter.persistence;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/** Base of the contract tests: one migrated database per test class, emptied before each test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseTest {

    private TestDatabase testDatabase;
    private TestAbortedException unavailable;

    /** The database this class's tests run on: H2 or PostgreSQL. */
    abstract TestDatabase openTestDatabase();

    @BeforeAll
    final void openDatabase() {
        try {
            testDatabase = openTestDatabase();
        } catch (TestAbortedException e) {
            // Skipped test by test: Surefire does not count a class skipped in @BeforeAll, so it would vanish.
            unavailable = e;
        }
    }

    @AfterAll
    final void closeDatabase() {
        if (testDatabase != null) {
            testDatabase.close();
        }
    }

    @BeforeEach
    final void emptyTables() {
        if (unavailable != null) {
            throw unavailable;
        }
        testDatabase.deleteAllRows();
    }

    final TestDatabase testDatabase() {
        return testDatabase;
    }

    final Jdbi jdbi() {
        return testDatabase.jdbi();
    }
}

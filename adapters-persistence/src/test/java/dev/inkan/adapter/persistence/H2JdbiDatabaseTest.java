package dev.inkan.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inkan.domain.User;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link JdbiDatabaseContract} on H2 in memory, and what only a throw-away H2 database can show cheaply. */
class H2JdbiDatabaseTest extends JdbiDatabaseContract {

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.h2();
    }

    @Override
    DatabaseSettings unreachableSettings() {
        return new DatabaseSettings("jdbc:h2:tcp://127.0.0.1:1/mem:nothing", "sa", "", 1);
    }

    @Test
    void schemaHoldingAnEmbeddersTables_isMigrated_withOursBesideThem() {
        String url = "jdbc:h2:mem:embedder_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        DatabaseSettings settings = new DatabaseSettings(url, "sa", "", 2);
        try (JdbiDatabase database = JdbiDatabase.start(settings)) {
            database.jdbi().useHandle(handle -> handle.execute("DROP ALL OBJECTS"));
            database.jdbi().useHandle(handle -> handle.execute("CREATE TABLE orders (id INT PRIMARY KEY)"));
        }

        try (JdbiDatabase database = JdbiDatabase.start(settings)) {
            User alice = TestData.user("alice@example.com");
            TestData.users(database).add(alice);
            assertEquals(Optional.of(alice), TestData.users(database).findById(alice.id()));
            assertTrue(database.isHealthy());
        }
    }

    @Override
    TestDatabase openTestDatabaseAt(String version) {
        return TestDatabase.h2At(version);
    }
}

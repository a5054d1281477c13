package dev.inkan.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.inkan.domain.User;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * An operator's flight recording (JFR, which JDBI writes a {@code jdbi.statement} event of each
     * statement to) holds the statements but never the values bound to them: token hashes, password
     * hashes, e-mail addresses.
     */
    @Test
    void aFlightRecording_holdsTheStatements_butNoValueBoundToThem(@TempDir Path folder) throws Exception {
        String secret = "token-hash-" + UUID.randomUUID();
        Path file = folder.resolve("recording.jfr");
        try (TestDatabase test = TestDatabase.h2(); Recording recording = new Recording()) {
            recording.enable("jdbi.statement");
            recording.start();
            test.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM refresh_tokens WHERE token_hash = :hash")
                    .bind("hash", secret).mapTo(Integer.class).one());
            recording.stop();
            recording.dump(file);
        }

        List<RecordedEvent> statements = RecordingFile.readAllEvents(file).stream()
                .filter(event -> event.getEventType().getName().equals("jdbi.statement")).toList();
        assertTrue(statements.stream().anyMatch(event -> String.valueOf(event.getString("sql")).contains("token_hash = :hash")),
                "the statement is recorded");
        for (RecordedEvent event : statements) {
            assertFalse(event.toString().contains(secret), "a value bound is recorded: " + event);
        }
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

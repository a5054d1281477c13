package dev.inkan.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link JdbiDatabaseContract} on PostgreSQL, in a schema of its own. */
class PostgresJdbiDatabaseTest extends JdbiDatabaseContract {

    @Override
    TestDatabase openTestDatabase() {
        return TestDatabase.postgres();
    }

    @Override
    DatabaseSettings unreachableSettings() {
        return new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/test", "postgres", "", 1);
    }

    @Override
    TestDatabase openTestDatabaseAt(String version) {
        return TestDatabase.postgresAt(version);
    }

    /**
     * Instances of a deployment start at once on a schema no instance has migrated yet: each must
     * start (one migrates, the others find the schema migrated), with a pool as small as an embedding
     * application's may be. Several rounds, since who meets whom in Flyway's first step varies.
     */
    @Test
    void instancesStartingAtOnce_onAnEmptySchema_allStart() throws Exception {
        for (int round = 0; round < 10; round++) {
            try (TestDatabase empty = TestDatabase.emptyPostgres()) {
                DatabaseSettings settings = empty.settings();
                DatabaseSettings smallPool = new DatabaseSettings(settings.jdbcUrl(), settings.user(), settings.password(), 2);
                List<JdbiDatabase> started = Race.run(4, instance -> JdbiDatabase.start(smallPool));
                try {
                    for (JdbiDatabase database : started) {
                        int users = database.jdbi().withHandle(handle -> handle.createQuery("SELECT count(*) FROM users")
                                .mapTo(Integer.class).one());
                        assertThat(users).isZero();
                    }
                } finally {
                    started.forEach(JdbiDatabase::close);
                }
            }
        }
    }
}

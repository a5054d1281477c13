package dev.inkan.adapter.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;

/**
 * Test fixture: a freshly migrated database of its own for one test class, on H2 in memory or in a
 * new schema of the test PostgreSQL, and its removal afterwards.
 */
final class TestDatabase implements AutoCloseable {

    static final String POSTGRES_URL_VARIABLE = "INKAN_TEST_POSTGRES_URL";
    static final String POSTGRES_USER_VARIABLE = "INKAN_TEST_POSTGRES_USER";
    static final String POSTGRES_PASSWORD_VARIABLE = "INKAN_TEST_POSTGRES_PASSWORD";
    private static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String DEFAULT_POSTGRES_USER = "postgres";
    /** Enough connections that sixteen racing threads really run at once. */
    private static final int POOL_SIZE = 20;

    private final DatabaseSettings settings;
    private final Runnable dropStorage;
    private JdbiDatabase database;

    /**
     * @param open what is done with the new database at first: Inkan's own start (which migrates it),
     *     a migration to one version with Flyway alone, or nothing; it gives the started database, or null
     */
    private TestDatabase(DatabaseSettings settings, Runnable dropStorage, Function<DatabaseSettings, JdbiDatabase> open) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dropStorage = Objects.requireNonNull(dropStorage, "dropStorage");
        this.database = open.apply(settings);
    }

    /** @param version the schema version to migrate to with Flyway alone, or null for Inkan's own start (the latest) */
    private static Function<DatabaseSettings, JdbiDatabase> migratedTo(String version) {
        if (version == null) {
            return JdbiDatabase::start;
        }
        return settings -> {
            boolean postgres = settings.kind().equals("PostgreSQL");
            Flyway.configure(JdbiDatabase.class.getClassLoader())
                    .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                    .locations(postgres ? new String[] {JdbiDatabase.MIGRATIONS, JdbiDatabase.POSTGRES_MIGRATIONS}
                            : new String[] {JdbiDatabase.MIGRATIONS})
                    .table(JdbiDatabase.HISTORY_TABLE)
                    .target(version)
                    .load()
                    .migrate();
            return null;
        };
    }

    /** A private in-memory H2 database that lives until the JVM ends. */
    static TestDatabase h2() {
        return h2At(null);
    }

    /** A private in-memory H2 database, its schema at {@code version} (null: the latest, as Inkan starts it). */
    static TestDatabase h2At(String version) {
        return new TestDatabase(new DatabaseSettings("jdbc:h2:mem:inkan_" + randomSuffix() + ";DB_CLOSE_DELAY=-1",
                "sa", "", POOL_SIZE), () -> { }, migratedTo(version));
    }

    /**
     * A new schema in the test PostgreSQL, dropped again by {@link #close()}. When PostgreSQL cannot
     * be reached the calling tests are skipped, or fail when the environment says this is CI.
     */
    static TestDatabase postgres() {
        return postgresAt(null);
    }

    /** A new, empty schema in the test PostgreSQL, for the tests that start instances on it themselves; see {@link #postgres()}. */
    static TestDatabase emptyPostgres() {
        return postgres(settings -> null);
    }

    /** A new schema in the test PostgreSQL at {@code version} (null: the latest); see {@link #postgres()}. */
    static TestDatabase postgresAt(String version) {
        return postgres(migratedTo(version));
    }

    private static TestDatabase postgres(Function<DatabaseSettings, JdbiDatabase> open) {
        String url = env(POSTGRES_URL_VARIABLE, DEFAULT_POSTGRES_URL);
        String user = env(POSTGRES_USER_VARIABLE, DEFAULT_POSTGRES_USER);
        String password = env(POSTGRES_PASSWORD_VARIABLE, "");
        String schema = "inkan_test_" + randomSuffix();
        try {
            execute(url, user, password, "CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String problem = "PostgreSQL is not reachable at " + url + " as " + user + " (" + e.getMessage() + ")";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(problem + ": CI=true, so the PostgreSQL contract tests must run", e);
            }
            Assumptions.abort(problem + ": PostgreSQL tests skipped. To run them, start PostgreSQL on 127.0.0.1:5432"
                    + " (database test, user postgres, trust auth) or set " + POSTGRES_URL_VARIABLE + " (and "
                    + POSTGRES_USER_VARIABLE + ", " + POSTGRES_PASSWORD_VARIABLE + ").");
        }
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        Runnable dropSchema = () -> {
            try {
                execute(url, user, password, "DROP SCHEMA " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop test schema " + schema, e);
            }
        };
        try {
            return new TestDatabase(new DatabaseSettings(schemaUrl, user, password, POOL_SIZE), dropSchema, open);
        } catch (RuntimeException e) {
            dropSchema.run();
            throw e;
        }
    }

    /** Where the database is, for tests that open further instances on it. */
    DatabaseSettings settings() {
        return settings;
    }

    JdbiDatabase database() {
        return database;
    }

    /**
     * A new revocation feed on this database for one test: it records (and on PostgreSQL notifies)
     * like the database's own, but hears only this instance, so a test sees each delivery once.
     */
    JdbiRevocationFeed newFeed() {
        boolean postgres = settings.kind().equals("PostgreSQL");
        Clock clock = Clock.systemUTC();
        return new JdbiRevocationFeed(jdbi(), new RevocationLog(postgres, TestData.ACCESS_TTL, TestData.LEEWAY, clock),
                Optional.empty(), clock);
    }

    /**
     * A new security log on this database for one test: it writes where the database's own does,
     * but only this test's listeners hear it.
     */
    JdbiSecurityEventLog newEventLog() {
        return new JdbiSecurityEventLog(jdbi());
    }

    Jdbi jdbi() {
        return database.jdbi();
    }

    /** Empties every table, children first, so each test starts from nothing. */
    void deleteAllRows() {
        jdbi().useTransaction(handle -> {
            handle.execute("DELETE FROM security_events");
            handle.execute("DELETE FROM one_time_tokens");
            handle.execute("DELETE FROM refresh_tokens");
            handle.execute("DELETE FROM sessions");
            handle.execute("DELETE FROM revocations");
            handle.execute("DELETE FROM server_secrets");
            handle.execute("DELETE FROM signing_keys");
            handle.execute("DELETE FROM user_roles");
            handle.execute("DELETE FROM users");
        });
    }

    /** Plain JDBI over this database, as it is, without Inkan's start (and its migrations). */
    Jdbi flywayJdbi() {
        return Jdbi.create(settings.jdbcUrl(), settings.user(), settings.password());
    }

    /** Starts Inkan on this database, which migrates it to the latest version; closed with this. */
    JdbiDatabase migrateToLatest() {
        database = JdbiDatabase.start(settings);
        return database;
    }

    @Override
    public void close() {
        try {
            if (database != null) {
                database.close();
            }
        } finally {
            dropStorage.run();
        }
    }

    private static void execute(String url, String user, String password, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String randomSuffix() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}

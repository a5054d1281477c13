package dev.inkan.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.inkan.application.port.out.StoreUnavailableException;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.StatementExceptions.MessageRendering;

/**
 * The database the stores share: a connection pool, a schema migrated to the current version at
 * start, and the {@link Jdbi} the stores are built on.
 *
 * <pre>{@code
 * JdbiDatabase db = JdbiDatabase.start(settings);
 * UserRepository users = new JdbiUserRepository(db.jdbi());
 * }</pre>
 */
public final class JdbiDatabase implements AutoCloseable {

    /**
     * Not Flyway's default {@code db/migration}, nor its default history table: an application that
     * embeds Inkan may run Flyway with those defaults on the same class path and schema.
     */
    static final String MIGRATIONS = "classpath:db/inkan/migration";
    static final String HISTORY_TABLE = "inkan_schema_history";

    /** A database outage answers within this, rather than holding requests until a TCP timeout. */
    private static final long CONNECTION_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(3);
    private static final long VALIDATION_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(1);
    private static final int HEALTH_QUERY_TIMEOUT_SECONDS = 2;

    private final Jdbi jdbi;
    private final Runnable closePool;

    private JdbiDatabase(DataSource dataSource, Runnable closePool) {
        migrate(dataSource);
        this.jdbi = Jdbi.create(dataSource);
        // Failures reach logs as causes: they must not carry bound values (password hashes, token hashes, e-mails).
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(MessageRendering.NONE);
        this.closePool = closePool;
    }

    /**
     * Opens a HikariCP pool as {@code settings} say and migrates the schema.
     *
     * @throws StoreUnavailableException when the database cannot be reached or migrated
     */
    public static JdbiDatabase start(DatabaseSettings settings) {
        Objects.requireNonNull(settings, "settings");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(settings));
        } catch (RuntimeException e) {
            throw cannotStart(e);
        }
        return start(pool, pool::close);
    }

    /**
     * Migrates the schema of a data source the caller owns, for applications that embed Inkan and
     * have a pool already. {@link #close()} leaves {@code dataSource} open.
     *
     * @throws StoreUnavailableException when the database cannot be reached or migrated
     */
    public static JdbiDatabase start(DataSource dataSource) {
        return start(Objects.requireNonNull(dataSource, "dataSource"), () -> { });
    }

    private static JdbiDatabase start(DataSource dataSource, Runnable closePool) {
        try {
            return new JdbiDatabase(dataSource, closePool);
        } catch (RuntimeException e) {
            closePool.run();
            throw cannotStart(e);
        }
    }

    private static StoreUnavailableException cannotStart(RuntimeException e) {
        return new StoreUnavailableException("database could not be started: not reachable or not migratable", e);
    }

    /** The JDBI instance to build the stores on. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** @return whether the database answers a trivial query within a few seconds; never throws */
    public boolean isHealthy() {
        try {
            return jdbi.withHandle(handle -> handle.createQuery("SELECT 1")
                    .setQueryTimeout(HEALTH_QUERY_TIMEOUT_SECONDS)
                    .mapTo(Integer.class)
                    .one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Closes the pool this database opened; a data source passed in by the caller stays open. */
    @Override
    public void close() {
        closePool.run();
    }

    private static HikariConfig poolConfig(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("inkan");
        config.setJdbcUrl(settings.jdbcUrl());
        if (!settings.user().isEmpty()) {
            config.setUsername(settings.user());
        }
        if (!settings.password().isEmpty()) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.maximumPoolSize());
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setValidationTimeout(VALIDATION_TIMEOUT_MILLIS);
        return config;
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure(JdbiDatabase.class.getClassLoader())
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .table(HISTORY_TABLE)
                .failOnMissingLocations(true)
                // A schema that holds the embedding application's tables gets ours beside them.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}

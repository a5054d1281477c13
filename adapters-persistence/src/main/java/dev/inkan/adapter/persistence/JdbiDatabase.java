package dev.inkan.adapter.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.inkan.application.port.out.StoreUnavailableException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions.MessageRendering;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database the stores share: a connection pool, a schema migrated to the current version at
 * start, and the {@link Jdbi} the stores are built on.
 *
 * <pre>{@code
 * JdbiDatabase db = JdbiDatabase.start(settings);
 * JdbiRevocationFeed feed = db.revocationFeed(accessTtl, leeway, clock);
 * UserRepository users = new JdbiUserRepository(db.jdbi(), feed, db.securityEventLog());
 * }</pre>
 */
public final class JdbiDatabase implements AutoCloseable {

    /**
     * Not Flyway's default {@code db/migration}, nor its default history table: an application that
     * embeds Inkan may run Flyway with those defaults on the same class path and schema.
     */
    static final String MIGRATIONS = "classpath:db/inkan/migration";
    static final String HISTORY_TABLE = "inkan_schema_history";
    /** Migrations for what only PostgreSQL has: the rate-limit buckets that instances share. */
    static final String POSTGRES_MIGRATIONS = "classpath:db/inkan/postgresql";

    /** A database outage answers within this, rather than holding requests until a TCP timeout. */
    private static final long CONNECTION_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(3);
    private static final long VALIDATION_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(1);
    private static final int HEALTH_QUERY_TIMEOUT_SECONDS = 2;
    private static final int SHARED_SECRET_BYTES = 32;
    private static final int MIGRATION_ATTEMPTS = 3;
    /** How long JDBI's flight-recording event may describe the values bound to a statement: too short to show any. */
    private static final int JFR_VALUES_SHOWN = 3;
    private static final long MIGRATION_RETRY_PAUSE_MILLIS = 200;

    private final Jdbi jdbi;
    private final DataSource dataSource;
    private final DataSource listenSource;
    private final boolean postgres;
    private final Runnable closePool;
    private JdbiRevocationFeed revocationFeed;
    private JdbiSecurityEventLog securityEventLog;
    private JdbiSigningKeyStore signingKeyStore;

    /** @param listenSource where the revocation listener gets its one long-lived connection */
    private JdbiDatabase(DataSource dataSource, DataSource listenSource, Runnable closePool) {
        this.postgres = isPostgres(dataSource);
        migrate(dataSource, postgres);
        this.dataSource = dataSource;
        this.listenSource = listenSource;
        this.jdbi = Jdbi.create(dataSource);
        // Failures reach logs as causes, and JDBI writes each statement to a flight recording (JFR) when
        // one runs: neither may carry bound values (password hashes, token hashes, e-mails). The
        // recording cuts its description of the values to the length given, which at three leaves
        // nothing of them (at zero JDBI fails every statement while a recording runs).
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(MessageRendering.NONE);
        jdbi.getConfig(SqlStatements.class).setIncludeBindingsInTelemetry(false).setJfrParamMaxLength(JFR_VALUES_SHOWN);
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
        return start(pool, listenSource(settings, pool), pool::close);
    }

    /**
     * Migrates the schema of a data source the caller owns, for applications that embed Inkan and
     * have a pool already. {@link #close()} leaves {@code dataSource} open.
     *
     * @throws StoreUnavailableException when the database cannot be reached or migrated
     */
    public static JdbiDatabase start(DataSource dataSource) {
        return start(Objects.requireNonNull(dataSource, "dataSource"), dataSource, () -> { });
    }

    private static JdbiDatabase start(DataSource dataSource, DataSource listenSource, Runnable closePool) {
        try {
            return new JdbiDatabase(dataSource, listenSource, closePool);
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

    /** @return whether this is PostgreSQL, where several instances can share the database */
    public boolean isPostgres() {
        return postgres;
    }

    /**
     * The one revocation feed of this database: on PostgreSQL it notifies and hears every instance
     * sharing the database (listening on a connection of its own, outside the pool, when the pool is
     * Inkan's); on H2 it serves this instance alone. It is made by the first call and closed with
     * the database.
     *
     * @param accessTtl how long access tokens live: how long an ended session or a cut-off matters
     * @param leeway how long after expiry the verifier still accepts a token: how much longer it matters
     */
    public synchronized JdbiRevocationFeed revocationFeed(Duration accessTtl, Duration leeway, Clock clock) {
        if (revocationFeed == null) {
            revocationFeed = new JdbiRevocationFeed(jdbi, new RevocationLog(postgres, accessTtl, leeway, clock),
                    postgres ? Optional.of(listenSource) : Optional.empty(), clock);
        }
        return revocationFeed;
    }

    /**
     * The one store of signing keys of this database, for keys kept there, made by the first call.
     * It records retirements in the revocation log of {@link #revocationFeed} (which a first call
     * makes with these arguments), and on PostgreSQL every instance sharing the database hears each
     * change on that feed's channel.
     */
    public synchronized JdbiSigningKeyStore signingKeyStore(Duration accessTtl, Duration leeway, Clock clock) {
        if (signingKeyStore == null) {
            signingKeyStore = new JdbiSigningKeyStore(jdbi, revocationFeed(accessTtl, leeway, clock), postgres, clock);
        }
        return signingKeyStore;
    }

    /**
     * The one security log of this database, which the stores on it write their events to (and
     * whose subscribers hear of them); made by the first call.
     */
    public synchronized JdbiSecurityEventLog securityEventLog() {
        if (securityEventLog == null) {
            securityEventLog = new JdbiSecurityEventLog(jdbi);
        }
        return securityEventLog;
    }

    /**
     * A secret that every instance sharing this database must agree on, made at random the first
     * time it is asked for and kept in the database ({@code server_secrets}) from then on.
     *
     * @param name what the secret is for
     * @return its bytes (32 of them)
     * @throws StoreUnavailableException when the database failed
     */
    public byte[] sharedSecret(String name, SecureRandom random) {
        Objects.requireNonNull(name, "name");
        byte[] fresh = new byte[SHARED_SECRET_BYTES];
        random.nextBytes(fresh);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(fresh);
        JdbiStoreCalls calls = new JdbiStoreCalls(jdbi, "secret store unavailable");
        String stored = calls.withHandle(handle -> {
            try {
                handle.createUpdate("""
                                INSERT INTO server_secrets (name, secret, created_at)
                                SELECT CAST(:name AS VARCHAR(64)), CAST(:secret AS VARCHAR(128)), CURRENT_TIMESTAMP
                                FROM (VALUES (0)) AS one (x)
                                WHERE NOT EXISTS (SELECT 1 FROM server_secrets WHERE name = :name)""")
                        .bind("name", name)
                        .bind("secret", encoded)
                        .execute();
            } catch (StatementException e) {
                if (!JdbiStoreCalls.isUniqueViolation(e)) {
                    throw e;
                }
                // another instance made it at the same moment: read theirs
            }
            return handle.createQuery("SELECT secret FROM server_secrets WHERE name = :name")
                    .bind("name", name)
                    .mapTo(String.class)
                    .one();
        });
        return Base64.getUrlDecoder().decode(stored);
    }

    /**
     * The data source the stores use, for what the composition root keeps in this database beside
     * them (the rate-limit buckets that instances share); closed with this database when it opened it.
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Stops the revocation feed, then closes the pool this database opened; a data source passed in stays open. */
    @Override
    public synchronized void close() {
        if (revocationFeed != null) {
            revocationFeed.close();
        }
        closePool.run();
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return isPostgres(connection);
        } catch (SQLException e) {
            throw new StoreUnavailableException("database could not be reached", e);
        }
    }

    /** @return whether {@code connection} is to PostgreSQL (else H2), as its driver says without a round trip */
    static boolean isPostgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
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
        if (settings.jdbcUrl().startsWith("jdbc:postgresql:")) {
            // A database that vanishes mid-query fails calls in seconds instead of holding them for a TCP timeout.
            config.addDataSourceProperty("connectTimeout", "3");
            config.addDataSourceProperty("socketTimeout", "10");
            config.addDataSourceProperty("tcpKeepAlive", "true");
        }
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setValidationTimeout(VALIDATION_TIMEOUT_MILLIS);
        return config;
    }

    /** The listener's own connections, outside the pool, so listening never takes a request's connection. */
    private static DataSource listenSource(DatabaseSettings settings, DataSource pool) {
        if (!settings.jdbcUrl().startsWith("jdbc:postgresql:")) {
            return pool;
        }
        PGSimpleDataSource direct = new PGSimpleDataSource();
        direct.setURL(settings.jdbcUrl());
        if (!settings.user().isEmpty()) {
            direct.setUser(settings.user());
        }
        if (!settings.password().isEmpty()) {
            direct.setPassword(settings.password());
        }
        direct.setConnectTimeout(3);
        direct.setLoginTimeout((int) PostgresRevocationListener.NETWORK_TIMEOUT.toSeconds());
        direct.setTcpKeepAlive(true);
        direct.setApplicationName("inkan-revocation-listener");
        return direct;
    }

    /**
     * Migrates the schema. Instances that start at once on an empty PostgreSQL schema can meet in
     * Flyway's first step, which locks the history table only once it exists: the one that did not
     * create it fails, and a second try finds the table and waits on Flyway's lock. So a PostgreSQL
     * migration is tried again, a few times, before it counts as failed.
     */
    private static void migrate(DataSource dataSource, boolean postgres) {
        Flyway flyway = Flyway.configure(JdbiDatabase.class.getClassLoader())
                .dataSource(dataSource)
                .locations(postgres ? new String[] {MIGRATIONS, POSTGRES_MIGRATIONS} : new String[] {MIGRATIONS})
                .table(HISTORY_TABLE)
                .failOnMissingLocations(true)
                // A schema that holds the embedding application's tables gets ours beside them.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        for (int attempt = 1; ; attempt++) {
            try {
                flyway.migrate();
                return;
            } catch (FlywayException e) {
                if (!postgres || attempt == MIGRATION_ATTEMPTS) {
                    throw e;
                }
                sleepBeforeRetry();
            }
        }
    }

    private static void sleepBeforeRetry() {
        try {
            Thread.sleep(MIGRATION_RETRY_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while migrating the database", e);
        }
    }
}

package dev.inkan.server;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.inkan.bootstrap.Inkan;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Test helper: a fresh schema in the test PostgreSQL ({@code INKAN_TEST_POSTGRES_URL}, default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code INKAN_TEST_POSTGRES_USER}, default
 * {@code postgres}), dropped on close. Without PostgreSQL the test is skipped, except under
 * {@code CI=true}, where it fails.
 */
final class PostgresSchema implements AutoCloseable {

    final String host;
    final int port;
    final String database;
    final String user;
    final String name = "inkan_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
    private final String baseUrl;

    private PostgresSchema(String baseUrl, String user) {
        this.baseUrl = baseUrl;
        this.user = user;
        String rest = baseUrl.substring("jdbc:postgresql://".length());
        String hostPort = rest.substring(0, rest.indexOf('/'));
        this.host = hostPort.contains(":") ? hostPort.substring(0, hostPort.indexOf(':')) : hostPort;
        this.port = hostPort.contains(":") ? Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1)) : 5432;
        String path = rest.substring(rest.indexOf('/') + 1);
        this.database = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    static PostgresSchema create() {
        String url = System.getenv().getOrDefault("INKAN_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getenv().getOrDefault("INKAN_TEST_POSTGRES_USER", "postgres");
        PostgresSchema schema = new PostgresSchema(url, user);
        try (Connection connection = schema.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema.name);
        } catch (SQLException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("PostgreSQL is required under CI=true but is not reachable at " + url + ": " + e.getMessage());
            }
            assumeTrue(false, "PostgreSQL not reachable at " + url + "; start it on 127.0.0.1:5432 or set "
                    + "INKAN_TEST_POSTGRES_URL (and INKAN_TEST_POSTGRES_USER) to run this test");
        }
        return schema;
    }

    /** The JDBC URL an Inkan instance should use: through {@code host:port} (a proxy, say), in this schema. */
    String jdbcUrl(String viaHost, int viaPort) {
        return "jdbc:postgresql://" + viaHost + ":" + viaPort + "/" + database + "?currentSchema=" + name;
    }

    String jdbcUrl() {
        return jdbcUrl(host, port);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(baseUrl, user, System.getenv().getOrDefault("INKAN_TEST_POSTGRES_PASSWORD", ""));
    }

    @Override
    public void close() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + name, e);
        }
    }
}

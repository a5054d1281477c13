package dev.inkan.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** {@link SecurityEventsContract} on the embedded H2 database in the data folder, as the README runs the server. */
class H2SecurityEventsTest extends SecurityEventsContract {

    @Override
    void database(Map<String, String> env, List<AutoCloseable> toClose) {
        // the default: H2 in INKAN_DATA_DIR
    }

    /** The server's own database, which this JVM shares with it (the URL is the server's, so H2 hands out the open one). */
    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(InkanSettings.from(dev.inkan.bootstrap.ConfigSource.of(env)).database().jdbcUrl(), "", "");
    }
}

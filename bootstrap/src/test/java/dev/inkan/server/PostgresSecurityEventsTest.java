package dev.inkan.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** {@link SecurityEventsContract} on PostgreSQL, in a schema of its own. */
class PostgresSecurityEventsTest extends SecurityEventsContract {

    private PostgresSchema schema;

    @Override
    void database(Map<String, String> env, List<AutoCloseable> toClose) {
        schema = PostgresSchema.create();
        toClose.add(schema);
        env.put("INKAN_DB_URL", schema.jdbcUrl());
        env.put("INKAN_DB_USER", schema.user);
    }

    @Override
    Connection connect() throws SQLException {
        return DriverManager.getConnection(schema.jdbcUrl(), schema.user, System.getenv().getOrDefault("INKAN_TEST_POSTGRES_PASSWORD", ""));
    }
}

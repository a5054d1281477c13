package dev.inkan.server;

import java.util.List;
import java.util.Map;

/** {@link RolesAndAdminContract} on PostgreSQL, in a schema of its own. */
class PostgresRolesAndAdminTest extends RolesAndAdminContract {

    @Override
    void database(Map<String, String> env, List<AutoCloseable> toClose) {
        PostgresSchema schema = PostgresSchema.create();
        toClose.add(schema);
        env.put("INKAN_DB_URL", schema.jdbcUrl());
        env.put("INKAN_DB_USER", schema.user);
    }
}

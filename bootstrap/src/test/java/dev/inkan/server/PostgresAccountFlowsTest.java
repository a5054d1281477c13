package dev.inkan.server;

import java.util.List;
import java.util.Map;

/** {@link AccountFlowsContract} on PostgreSQL, in a schema of its own. */
class PostgresAccountFlowsTest extends AccountFlowsContract {

    @Override
    void database(Map<String, String> env, List<AutoCloseable> toClose) {
        PostgresSchema schema = PostgresSchema.create();
        toClose.add(schema);
        env.put("INKAN_DB_URL", schema.jdbcUrl());
        env.put("INKAN_DB_USER", schema.user);
    }
}

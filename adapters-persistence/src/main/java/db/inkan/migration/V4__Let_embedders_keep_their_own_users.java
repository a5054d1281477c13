package db.inkan.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign keys from {@code refresh_tokens} and {@code sessions} to {@code users}, so an
 * application that embeds Inkan may keep its users in a table of its own. The constraints were
 * created unnamed, so their names are looked up, the same way on H2 and PostgreSQL.
 */
public class V4__Let_embedders_keep_their_own_users extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> drops = new ArrayList<>();
        for (String table : List.of("refresh_tokens", "sessions")) {
            drops.addAll(foreignKeysToUsers(connection, table));
        }
        try (Statement statement = connection.createStatement()) {
            for (String drop : drops) {
                statement.execute(drop);
            }
        }
    }

    private static List<String> foreignKeysToUsers(Connection connection, String table) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        String schema = connection.getSchema();
        List<String> drops = new ArrayList<>();
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet keys = metadata.getImportedKeys(connection.getCatalog(), schema, name)) {
                while (keys.next()) {
                    if (keys.getString("PKTABLE_NAME").equalsIgnoreCase("users")) {
                        drops.add("ALTER TABLE " + table + " DROP CONSTRAINT " + keys.getString("FK_NAME"));
                    }
                }
            }
        }
        return drops;
    }
}

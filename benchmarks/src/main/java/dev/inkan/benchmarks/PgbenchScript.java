package dev.inkan.benchmarks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pgbench script of the statements one refresh ran on PostgreSQL, as JDBI received them from
 * Inkan's stores ({@code :name} parameters are pgbench's syntax too). What pgbench cannot bind
 * takes the nearest form: the successor's id is {@code gen_random_uuid()}, the columns a successor
 * always leaves empty are {@code NULL}, the successor's hash is a random number (the column is
 * {@code CHAR(64)}, so its key is as wide as a hex SHA-256), and the instants are constants given
 * with {@code -D}. The token's and user's ids come from the first statement's row ({@code \gset}),
 * as the refresh service takes them from the token it found. Each client starts from the live
 * token of its own session and then presents the successor it stored, so every rotation spends.
 */
final class PgbenchScript {

    /** What each parameter of the stores' SQL becomes in the script; a parameter not named here stops the script. */
    private static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry("hash", ":hash"),
            Map.entry("value", ":user_id"),
            Map.entry("familyId", ":family_id"),
            Map.entry("userId", ":user_id"),
            Map.entry("tokenHash", ":next_hash"),
            Map.entry("id", "gen_random_uuid()"),
            Map.entry("usedAt", "NULL"),
            Map.entry("revokedAt", "NULL"),
            Map.entry("revokeReason", "NULL"),
            Map.entry("now", ":now"),
            Map.entry("touchBefore", ":touchBefore"),
            Map.entry("issuedAt", ":now"),
            Map.entry("expiresAt", ":expiresAt"));
    /** A named parameter, not the second colon of a {@code ::} cast. */
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z_]\\w*)");

    private PgbenchScript() {
    }

    /**
     * @param statements the SQL of one refresh in the order it ran: the token's read first, whose
     *     row names the user and the session
     */
    static String of(List<String> statements) {
        if (statements.size() < 2) {
            throw new IllegalArgumentException("expected the token's read and the rotation, got " + statements.size() + " statements");
        }
        StringBuilder script = new StringBuilder("""
                -- One POST /auth/refresh on PostgreSQL: the statements Inkan's stores ran, written by RefreshBaseline.
                \\if :step = 0
                SELECT token_hash AS hash FROM refresh_tokens WHERE used_at IS NULL AND revoked_at IS NULL
                ORDER BY family_id OFFSET :client_id LIMIT 1 \\gset
                \\endif
                \\set step :step + 1
                \\set next_hash random(1, 9223372036854775807)
                """);
        for (int i = 0; i < statements.size(); i++) {
            script.append(pgbench(statements.get(i).strip())).append(i == 0 ? " \\gset\n" : ";\n");
        }
        return script.append("\\set hash :next_hash\n").toString();
    }

    /** The {@code -D} options the script needs, instants at microsecond precision as Inkan writes them. */
    static String defines(Instant now, Instant touchBefore, Instant expiresAt) {
        return "-D step=0 -D now=%s -D touchBefore=%s -D expiresAt=%s".formatted(micros(now), micros(touchBefore),
                micros(expiresAt));
    }

    private static String pgbench(String sql) {
        Matcher parameter = PARAMETER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (parameter.find()) {
            String replacement = PARAMETERS.get(parameter.group(1));
            if (replacement == null) {
                throw new IllegalArgumentException("no pgbench form for the parameter :" + parameter.group(1));
            }
            parameter.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        return parameter.appendTail(out).toString();
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}

package dev.inkan.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pgbench baseline is only a baseline while it runs what the stores ran: each parameter takes
 * the pgbench form it is mapped to, and SQL with a parameter the script does not know stops it
 * rather than running something else.
 */
class PgbenchScriptTest {

    private static final String READ = "SELECT t.family_id, t.user_id FROM refresh_tokens t WHERE t.token_hash = :hash";
    private static final String ROTATE = """
            WITH spent AS (UPDATE refresh_tokens SET used_at = :now WHERE token_hash = :hash AND family_id = :familyId
                RETURNING family_id)
            INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, issued_at, expires_at, used_at, revoked_at, revoke_reason)
            SELECT :id, :userId, :familyId, :tokenHash, :issuedAt, :expiresAt, :usedAt, :revokedAt, :revokeReason FROM spent""";

    @Test
    void storesStatements_becomeAScriptThatPresentsEachSuccessorItStores() {
        String script = PgbenchScript.of(List.of(READ, ROTATE));

        assertThat(script).contains(READ + " \\gset\n")
                .contains("WHERE token_hash = :hash AND family_id = :family_id")
                .contains("SELECT gen_random_uuid(), :user_id, :family_id, :next_hash, :now, :expiresAt, NULL, NULL, NULL FROM spent;\n")
                .contains("\\set next_hash random(")
                .endsWith("\\set hash :next_hash\n");
    }

    @Test
    void castsAreLeftAsTheyAre() {
        assertThat(PgbenchScript.of(List.of(READ, "SELECT CAST(:now AS TIMESTAMP)::DATE")))
                .contains("SELECT CAST(:now AS TIMESTAMP)::DATE;");
    }

    @Test
    void aParameterWithNoPgbenchForm_stopsTheScript() {
        assertThatThrownBy(() -> PgbenchScript.of(List.of(READ, "UPDATE sessions SET user_agent = :userAgent")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":userAgent");
    }

    @Test
    void instants_areDefinedAtMicrosecondPrecision() {
        Instant now = Instant.parse("2026-12-03T08:50:00.123456789Z");

        assertThat(PgbenchScript.defines(now, now.minusSeconds(60), now.plusSeconds(3600)))
                .isEqualTo("-D step=0 -D now=2026-12-03T08:50:00.123456Z -D touchBefore=2026-12-03T08:49:00.123456Z"
                        + " -D expiresAt=2026-12-03T09:50:00.123456Z");
    }
}

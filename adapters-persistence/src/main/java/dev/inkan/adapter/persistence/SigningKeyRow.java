package dev.inkan.adapter.persistence;

import dev.inkan.application.port.out.StoredSigningKey;
import dev.inkan.domain.ScheduledKey;
import dev.inkan.token.JwsAlgorithm;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** One row of {@code signing_keys}, and the one place where it is mapped to and from a {@link StoredSigningKey}. */
record SigningKeyRow(int seq, String kid, String alg, String sealedKey, Instant createdAt, Instant signsFrom, Instant retireAt) {

    /** The columns, in the order {@link #bindTo} names them. */
    static final String COLUMNS = "seq, kid, alg, sealed_key, created_at, signs_from, retire_at";
    /** The named parameters matching {@link #COLUMNS}. */
    static final String PARAMETERS = ":seq, :kid, :alg, :sealedKey, :createdAt, :signsFrom, :retireAt";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** @param seq where the key comes in the order the keys were made */
    static SigningKeyRow from(int seq, StoredSigningKey key) {
        ScheduledKey schedule = key.schedule();
        return new SigningKeyRow(seq, key.keyId(), key.algorithm().jwsName(), BASE64URL.encodeToString(key.sealedSecret()),
                key.createdAt(), schedule.signsFrom(), schedule.retireAt().orElse(null));
    }

    /** Reads the {@link #COLUMNS} of the current row; usable as a JDBI row mapper. */
    static SigningKeyRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new SigningKeyRow(rs.getInt("seq"), rs.getString("kid"), rs.getString("alg"), rs.getString("sealed_key"),
                Timestamps.read(rs, "created_at"), Timestamps.read(rs, "signs_from"),
                Timestamps.readNullable(rs, "retire_at").orElse(null));
    }

    /** Binds the {@link #PARAMETERS}. */
    <S extends SqlStatement<S>> S bindTo(S statement) {
        return statement.bind("seq", seq)
                .bind("kid", kid)
                .bind("alg", alg)
                .bind("sealedKey", sealedKey)
                .bind("createdAt", Timestamps.bind(createdAt))
                .bind("signsFrom", Timestamps.bind(signsFrom))
                .bind("retireAt", Timestamps.bind(retireAt));
    }

    /** @throws IllegalStateException when the row is not one Inkan wrote (its alg or sealed key unreadable) */
    StoredSigningKey toStoredKey() {
        JwsAlgorithm algorithm = JwsAlgorithm.fromJwsName(alg).orElseThrow(() ->
                new IllegalStateException("the stored key '" + kid + "' has an unknown alg"));
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(sealedKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the stored key '" + kid + "' has a sealed key that is not base64url");
        }
        return new StoredSigningKey(algorithm, sealed, createdAt, new ScheduledKey(kid, signsFrom, Optional.ofNullable(retireAt)));
    }
}

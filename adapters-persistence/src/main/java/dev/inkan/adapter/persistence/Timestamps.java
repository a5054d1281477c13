package dev.inkan.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.argument.Argument;

/**
 * The one mapping between {@link Instant} and {@code TIMESTAMP WITH TIME ZONE} columns: written as
 * an {@link OffsetDateTime} at UTC and read back as one, so neither the JVM's nor the session's time
 * zone can shift a value.
 */
final class Timestamps {

    private Timestamps() {
    }

    /**
     * Binds {@code instant}, or SQL {@code NULL} when it is {@code null}. Both databases keep
     * microseconds, so that is what is written: a value reads back exactly as it was bound.
     */
    static Argument bind(Instant instant) {
        if (instant == null) {
            return (position, statement, ctx) -> statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
        }
        OffsetDateTime utc = instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        return (position, statement, ctx) -> statement.setObject(position, utc, Types.TIMESTAMP_WITH_TIMEZONE);
    }

    /** Reads a column declared {@code NOT NULL}. */
    static Instant read(ResultSet rs, String column) throws SQLException {
        return readNullable(rs, column).orElseThrow(() -> new SQLException("column " + column + " is null"));
    }

    /** Reads a nullable column. */
    static Optional<Instant> readNullable(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}

package dev.inkan.adapter.persistence;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Configuration: where the database is and how many connections to keep to it.
 *
 * @param jdbcUrl an H2 ({@code jdbc:h2:}) or PostgreSQL ({@code jdbc:postgresql:}) JDBC URL
 * @param user the database user; empty when the database needs none
 * @param password the user's password; empty when the database needs none. Never shown by {@link #toString()}
 * @param maximumPoolSize how many connections the pool may hold, 1 to 200
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maximumPoolSize) {

    /**
     * The pool size when nothing else is configured: as many connections as the refreshes a small
     * server sees at once. With fewer (10, the earlier default, under 16 concurrent refreshes)
     * requests wait for a connection, and each one returned is handed over by a spinning thread:
     * 6.7% of the server's CPU in one profile, and a worse p99 (docs/BENCHMARKS.md, issue 17).
     */
    public static final int DEFAULT_POOL_SIZE = 16;

    private static final int MAX_POOL_SIZE = 200;
    /** {@code password=...} inside a JDBC URL, as H2 ({@code ;PASSWORD=}) and PostgreSQL ({@code ?password=}) accept it. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)([?&;]password=)[^&;]*");

    /**
     * Validates; a {@code null} user or password becomes empty.
     *
     * @throws IllegalArgumentException when the URL is not an H2 or PostgreSQL one or the pool size is out of range
     */
    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("database URL must start with jdbc:h2: or jdbc:postgresql:");
        }
        if (maximumPoolSize < 1 || maximumPoolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("database pool size must be between 1 and " + MAX_POOL_SIZE);
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** @return "H2" or "PostgreSQL", for log lines that must not show the URL */
    public String kind() {
        return jdbcUrl.startsWith("jdbc:h2:") ? "H2" : "PostgreSQL";
    }

    /** Shows where the database is, with every password masked, including one written into the URL. */
    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + URL_PASSWORD.matcher(jdbcUrl).replaceAll("$1****")
                + ", user=" + user
                + ", password=" + (password.isEmpty() ? "" : "****")
                + ", maximumPoolSize=" + maximumPoolSize + "]";
    }
}

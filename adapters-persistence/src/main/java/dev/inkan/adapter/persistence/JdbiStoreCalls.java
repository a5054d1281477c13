package dev.inkan.adapter.persistence;

import dev.inkan.application.port.out.StoreUnavailableException;
import java.sql.SQLException;
import java.util.Objects;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Runs one store's database work, and is the one place where a JDBI failure becomes the ports'
 * {@link StoreUnavailableException}: no {@link JdbiException} or {@link SQLException} leaves a store.
 */
final class JdbiStoreCalls {

    /** SQLSTATE of a unique or primary key violation; H2 and PostgreSQL agree on it. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;
    private final String unavailableMessage;

    /** @param unavailableMessage what the store's callers are told on failure; no SQL, no values */
    JdbiStoreCalls(Jdbi jdbi, String unavailableMessage) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.unavailableMessage = Objects.requireNonNull(unavailableMessage, "unavailableMessage");
    }

    /** Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. */
    <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (JdbiException e) {
            throw unavailable(e);
        }
    }

    /** Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. */
    void useTransaction(HandleConsumer<RuntimeException> work) {
        try {
            jdbi.useTransaction(work);
        } catch (JdbiException e) {
            throw unavailable(e);
        }
    }

    /** Runs {@code work} on one connection in auto-commit mode: each statement is its own transaction. */
    <T> T withHandle(HandleCallback<T, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw unavailable(e);
        }
    }

    private StoreUnavailableException unavailable(JdbiException e) {
        return new StoreUnavailableException(unavailableMessage, e);
    }

    /** @return whether {@code failure} was caused by a unique or primary key violation */
    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}

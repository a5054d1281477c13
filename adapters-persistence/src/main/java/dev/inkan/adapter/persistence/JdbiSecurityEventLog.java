package dev.inkan.adapter.persistence;

import dev.inkan.application.port.out.SecurityEventLog;
import dev.inkan.application.port.out.StoreUnavailableException;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventCursor;
import dev.inkan.domain.SecurityEventFilter;
import dev.inkan.domain.UserId;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Driven adapter: the {@link SecurityEventLog} on a JDBI database, table {@code security_events}.
 * The stores write the events of their changes in their own transactions ({@link #insert}) and hand
 * them over once committed ({@link #committed}); this log's subscribers hear of both kinds then.
 * Delivery is synchronous, in the recording thread, and a listener that throws keeps the event from
 * none of the others.
 */
public final class JdbiSecurityEventLog implements SecurityEventLog {

    /** How many rows one purge transaction deletes at most. */
    static final int PURGE_BATCH = 1000;
    private static final System.Logger LOG = System.getLogger(JdbiSecurityEventLog.class.getName());
    private static final String INSERT =
            "INSERT INTO security_events (" + SecurityEventRow.COLUMNS + ") VALUES (" + SecurityEventRow.PARAMETERS + ")";

    private final JdbiStoreCalls calls;
    private final List<Consumer<SecurityEvent>> listeners = new CopyOnWriteArrayList<>();

    /** A log on {@code jdbi}, whose schema {@link JdbiDatabase} has migrated; get the database's one from it. */
    JdbiSecurityEventLog(Jdbi jdbi) {
        this.calls = new JdbiStoreCalls(Objects.requireNonNull(jdbi, "jdbi"), "security log unavailable");
    }

    /**
     * Records an event of no change in a transaction of its own. An event of a user is recorded
     * under the user's row lock, which a deletion of the account holds while it forgets the user's
     * events, and only while the account is there (or was never in this database, for an
     * application that keeps its users elsewhere): an event racing the deletion is forgotten with
     * the rest or not recorded.
     *
     * @throws StoreUnavailableException when the database failed; nothing is recorded then
     */
    @Override
    public void record(SecurityEvent event) {
        Objects.requireNonNull(event, "event");
        boolean recorded = calls.inTransaction(handle -> {
            if (event.userId().isPresent() && !accountRemains(handle, event.userId().get())) {
                return false;
            }
            insert(handle, event);
            return true;
        });
        if (recorded) {
            committed(List.of(event));
        }
    }

    @Override
    public List<SecurityEvent> listAll(SecurityEventFilter filter, Optional<SecurityEventCursor> before, int limit) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(before, "before");
        List<String> conditions = new ArrayList<>();
        filter.user().ifPresent(user -> conditions.add("user_id = :user"));
        filter.type().ifPresent(type -> conditions.add("type = :type"));
        before.ifPresent(cursor -> conditions.add("(occurred_at < :beforeAt OR (occurred_at = :beforeAt AND id < :beforeId))"));
        String sql = "SELECT " + SecurityEventRow.COLUMNS + " FROM security_events"
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY occurred_at DESC, id DESC FETCH FIRST :limit ROWS ONLY";
        return calls.withHandle(handle -> {
            Query query = handle.createQuery(sql).bind("limit", limit);
            filter.user().ifPresent(user -> query.bind("user", user.value()));
            filter.type().ifPresent(type -> query.bind("type", type.wireName()));
            before.ifPresent(cursor -> query.bind("beforeAt", Timestamps.bind(cursor.occurredAt())).bind("beforeId", cursor.id()));
            return query.map(SecurityEventRow::map).stream()
                    .map(SecurityEventRow::toEvent)
                    .flatMap(Optional::stream)
                    .toList();
        });
    }

    /** Deletes in transactions of {@value #PURGE_BATCH} rows at most, until none is left. */
    @Override
    public int purgeOlderThan(Instant before) {
        Objects.requireNonNull(before, "before");
        int total = 0;
        int deleted;
        do {
            deleted = calls.inTransaction(handle -> handle.createUpdate("""
                            DELETE FROM security_events WHERE id IN (SELECT id FROM (
                                SELECT id FROM security_events WHERE occurred_at < :before FETCH FIRST :batch ROWS ONLY) batch)""")
                    .bind("before", Timestamps.bind(before))
                    .bind("batch", PURGE_BATCH)
                    .execute());
            total += deleted;
        } while (deleted == PURGE_BATCH);
        return total;
    }

    @Override
    public void subscribe(Consumer<SecurityEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Writes {@code event} in the transaction of {@code handle}; the caller hands it to {@link #committed} after the commit. */
    void insert(Handle handle, SecurityEvent event) {
        SecurityEventRow.from(event).bindTo(handle.createUpdate(INSERT)).execute();
    }

    /**
     * Forgets a user who is being deleted, in the deleting transaction of {@code handle}: their
     * events go, and the events they caused as an administrator keep who acted but lose the
     * client's address and user agent. Call it after the user's sessions have gone, so that an
     * event written by a transaction that held one of them has committed and goes too.
     */
    void forget(Handle handle, UserId user) {
        handle.createUpdate("DELETE FROM security_events WHERE user_id = :user").bind("user", user.value()).execute();
        handle.createUpdate("UPDATE security_events SET client_address = NULL, user_agent = NULL WHERE actor_user_id = :user")
                .bind("user", user.value())
                .execute();
    }

    /**
     * Takes the user's row lock, in the transaction of {@code handle}, where the user is kept in
     * this database.
     *
     * @return whether the user's account remains: their row is there, or, for users kept elsewhere,
     *     no deletion of theirs has been recorded
     */
    static boolean accountRemains(Handle handle, UserId user) {
        boolean here = handle.createQuery("SELECT id FROM users WHERE id = :id FOR UPDATE")
                .bind("id", user.value())
                .mapTo(UUID.class)
                .findOne()
                .isPresent();
        return here || handle.createQuery("SELECT COUNT(*) FROM revocations WHERE kind = 'deleted' AND subject = :id")
                .bind("id", user.toString())
                .mapTo(Long.class)
                .one() == 0;
    }

    /** Hands events that a transaction has just committed to this log's subscribers. */
    void committed(List<SecurityEvent> events) {
        for (SecurityEvent event : events) {
            for (Consumer<SecurityEvent> listener : listeners) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "a security event listener failed; the other listeners still get the event", e);
                }
            }
        }
    }
}

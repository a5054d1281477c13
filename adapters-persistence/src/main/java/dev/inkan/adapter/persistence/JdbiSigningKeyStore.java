package dev.inkan.adapter.persistence;

import dev.inkan.application.port.out.SigningKeyChange;
import dev.inkan.application.port.out.SigningKeyStore;
import dev.inkan.application.port.out.StoreUnavailableException;
import dev.inkan.application.port.out.StoredSigningKey;
import dev.inkan.domain.ScheduledKey;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Driven adapter: the {@link SigningKeyStore} in the {@code signing_keys} table. A change locks every
 * key row first, so changes run one at a time; it records a retired key's revocation in the
 * revocation log in its transaction, and on PostgreSQL notifies the other instances on the revocation
 * channel, which their {@link JdbiRevocationFeed} hears and hands to the key listeners.
 */
public final class JdbiSigningKeyStore implements SigningKeyStore {

    private static final String INSERT = "INSERT INTO signing_keys (" + SigningKeyRow.COLUMNS + ") VALUES ("
            + SigningKeyRow.PARAMETERS + ")";

    private final JdbiStoreCalls calls;
    private final JdbiRevocationFeed feed;
    private final boolean notify;
    private final Clock clock;

    /**
     * @param feed where a retired key's revocation is recorded, and whose channel carries the changes
     * @param notify whether to notify the other instances (PostgreSQL)
     */
    JdbiSigningKeyStore(Jdbi jdbi, JdbiRevocationFeed feed, boolean notify, Clock clock) {
        this.calls = new JdbiStoreCalls(Objects.requireNonNull(jdbi, "jdbi"), "signing key store unavailable");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.notify = notify;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<StoredSigningKey> keys() {
        return calls.withHandle(handle -> rows(handle).stream().map(SigningKeyRow::toStoredKey).toList());
    }

    /**
     * Instances that start at once on an empty table all insert from {@code seq} 1: the primary key
     * makes each insert wait for the first transaction and then fail, and the first one's keys are kept.
     */
    @Override
    public List<StoredSigningKey> addFirst(List<StoredSigningKey> first) {
        try {
            calls.useTransaction(handle -> {
                if (handle.createQuery("SELECT COUNT(*) FROM signing_keys").mapTo(Integer.class).one() > 0) {
                    return;
                }
                for (int i = 0; i < first.size(); i++) {
                    SigningKeyRow.from(i + 1, first.get(i)).bindTo(handle.createUpdate(INSERT)).execute();
                }
            });
        } catch (StoreUnavailableException e) {
            if (!JdbiStoreCalls.isUniqueViolation(e)) {
                throw e;
            }
            // another instance stored its first keys at the same moment: those are the keys
        }
        return keys();
    }

    @Override
    public SigningKeyChange change(Function<List<StoredSigningKey>, SigningKeyChange> decide) {
        SigningKeyChange change = calls.inTransaction(handle -> {
            // every key row locked: a second change waits here, then sees what this one wrote
            handle.createQuery("SELECT seq FROM signing_keys FOR UPDATE").mapTo(Integer.class).list();
            List<SigningKeyRow> rows = rows(handle);
            SigningKeyChange decided = decide.apply(rows.stream().map(SigningKeyRow::toStoredKey).toList());
            int seq = rows.stream().mapToInt(SigningKeyRow::seq).max().orElse(0);
            for (StoredSigningKey added : decided.added()) {
                SigningKeyRow.from(++seq, added).bindTo(handle.createUpdate(INSERT)).execute();
            }
            for (ScheduledKey key : decided.rescheduled()) {
                reschedule(handle, key);
            }
            decided.retired().ifPresent(retired -> feed.log().record(handle, retired, clock.instant()));
            if (notify) {
                handle.createQuery("SELECT pg_notify(:channel, CONCAT(:signal, current_schema()))")
                        .bind("channel", PostgresRevocationListener.CHANNEL)
                        .bind("signal", RevocationPayload.keysChanged(""))
                        .mapTo(String.class)
                        .one();
            }
            return decided;
        });
        feed.committed(change.retired().stream().toList());
        feed.keysChanged();
        return change;
    }

    @Override
    public void onChange(Runnable listener) {
        feed.onKeysChanged(listener);
    }

    private static List<SigningKeyRow> rows(Handle handle) {
        return handle.createQuery("SELECT " + SigningKeyRow.COLUMNS + " FROM signing_keys ORDER BY seq")
                .map(SigningKeyRow::map)
                .list();
    }

    private static void reschedule(Handle handle, ScheduledKey key) {
        int updated = handle.createUpdate("UPDATE signing_keys SET signs_from = :signsFrom, retire_at = :retireAt WHERE kid = :kid")
                .bind("signsFrom", Timestamps.bind(key.signsFrom()))
                .bind("retireAt", Timestamps.bind(key.retireAt().orElse(null)))
                .bind("kid", key.keyId())
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("no stored key '" + key.keyId() + "' to reschedule");
        }
    }
}

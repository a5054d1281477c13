package dev.inkan.adapter.persistence;

import dev.inkan.application.port.out.StoreUnavailableException;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.domain.Email;
import dev.inkan.domain.EmailAlreadyRegisteredException;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.Revocation;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.Role;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.TooManyRolesException;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import dev.inkan.domain.UserNotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;

/**
 * Driven adapter: the {@link UserRepository} on a JDBI database, tables {@code users} and
 * {@code user_roles}. Every change to an account takes the user's row lock first, as
 * {@link JdbiSessionStore#start} does, so that a login racing a disable or delete is ordered with it,
 * and writes its security event in the same transaction, to the {@link JdbiSecurityEventLog} of
 * the same database.
 */
public final class JdbiUserRepository implements UserRepository {

    private static final String INSERT = "INSERT INTO users (" + UserRow.COLUMNS + ") VALUES (" + UserRow.PARAMETERS + ")";

    private final JdbiStoreCalls calls;
    private final JdbiRevocationFeed feed;
    private final JdbiSecurityEventLog events;

    /**
     * A repository on {@code jdbi}, whose schema {@link JdbiDatabase} has migrated, that records and
     * delivers the revocations of what it takes away through {@code feed}, and the security events
     * of its changes through {@code events} (the same database's).
     */
    public JdbiUserRepository(Jdbi jdbi, JdbiRevocationFeed feed, JdbiSecurityEventLog events) {
        this.calls = new JdbiStoreCalls(Objects.requireNonNull(jdbi, "jdbi"), "user store unavailable");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.events = Objects.requireNonNull(events, "events");
    }

    /**
     * @throws EmailAlreadyRegisteredException when the e-mail is taken, decided by the unique key so
     *         that of two concurrent registrations exactly one wins
     * @throws StoreUnavailableException when the database failed
     */
    @Override
    public void add(User user) {
        UserRow row = UserRow.from(user);
        calls.useTransaction(handle -> {
            try {
                row.bindTo(handle.createUpdate(INSERT)).execute();
            } catch (StatementException e) {
                // The only other unique key is the id, a random UUID: a clash there is not a real case.
                if (JdbiStoreCalls.isUniqueViolation(e)) {
                    throw new EmailAlreadyRegisteredException();
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        return findOne("u.email = :value", email.value());
    }

    @Override
    public Optional<User> findById(UserId id) {
        return findOne("u.id = :value", id.value());
    }

    @Override
    public void updatePasswordHash(UserId id, PasswordHash hash) {
        calls.useTransaction(handle -> handle.createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
                .bind("hash", hash.value())
                .bind("id", id.value())
                .execute());
    }

    @Override
    public List<SessionId> changePassword(UserId id, PasswordHash hash, SessionId keep, Instant now, SecurityEvent event) {
        Objects.requireNonNull(event, "event");
        JdbiSessionStore.Ended ended = calls.inTransaction(handle -> {
            lockExisting(handle, id);
            handle.createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
                    .bind("hash", hash.value())
                    .bind("id", id.value())
                    .execute();
            // A link mailed before (a reset, a change of address someone asked for) must not undo this change.
            JdbiOneTimeTokenStore.voidAllOf(handle, id);
            JdbiSessionStore.Ended others = JdbiSessionStore.endOthersOfUser(handle, feed.log(), id, keep, now,
                    RevokeReason.PASSWORD_CHANGED);
            events.insert(handle, event);
            return others;
        });
        feed.committed(ended.revocations());
        events.committed(List.of(event));
        return ended.sessions();
    }

    @Override
    public List<User> list(String emailPrefix, Optional<Email> afterEmail, int limit) {
        String page = """
                u.id IN (SELECT id FROM (SELECT id FROM users
                         WHERE LEFT(email, :prefixLength) = :prefix AND email > :after
                         ORDER BY email FETCH FIRST :limit ROWS ONLY) page)""";
        return calls.withHandle(handle -> handle.createQuery(UserRow.SELECT_WITH_ROLES.formatted(page))
                .bind("prefixLength", emailPrefix.length())
                .bind("prefix", emailPrefix)
                .bind("after", afterEmail.map(Email::value).orElse(""))
                .bind("limit", limit)
                .scanResultSet((supplier, ctx) -> UserRow.read(supplier.get())));
    }

    @Override
    public boolean grantRole(UserId id, Role role, SecurityEvent event) {
        Objects.requireNonNull(event, "event");
        boolean granted = calls.inTransaction(handle -> {
            lockExisting(handle, id);
            List<String> held = handle.createQuery("SELECT role FROM user_roles WHERE user_id = :id")
                    .bind("id", id.value())
                    .mapTo(String.class)
                    .list();
            if (held.contains(role.name())) {
                return false;
            }
            if (held.size() >= Role.MAX_PER_USER) {
                throw new TooManyRolesException();
            }
            handle.createUpdate("INSERT INTO user_roles (user_id, role, granted_at) VALUES (:id, :role, CURRENT_TIMESTAMP)")
                    .bind("id", id.value())
                    .bind("role", role.name())
                    .execute();
            events.insert(handle, event);
            return true;
        });
        if (granted) {
            events.committed(List.of(event));
        }
        return granted;
    }

    @Override
    public boolean revokeRole(UserId id, Role role, Instant now, SecurityEvent event) {
        Objects.requireNonNull(event, "event");
        Optional<Revocation> recorded = calls.inTransaction(handle -> {
            long version = lockExisting(handle, id);
            int removed = handle.createUpdate("DELETE FROM user_roles WHERE user_id = :id AND role = :role")
                    .bind("id", id.value())
                    .bind("role", role.name())
                    .execute();
            if (removed == 0) {
                return Optional.<Revocation>empty();
            }
            handle.createUpdate("UPDATE users SET roles_version = :version WHERE id = :id")
                    .bind("version", version + 1)
                    .bind("id", id.value())
                    .execute();
            Revocation revocation = feed.log().rolesRevoked(id, version + 1, now);
            feed.log().record(handle, revocation, now);
            events.insert(handle, event);
            return Optional.of(revocation);
        });
        feed.committed(recorded.stream().toList());
        recorded.ifPresent(revocation -> events.committed(List.of(event)));
        return recorded.isPresent();
    }

    @Override
    public boolean disable(UserId id, Instant now, SecurityEvent event) {
        Objects.requireNonNull(event, "event");
        Optional<JdbiSessionStore.Ended> ended = calls.inTransaction(handle -> {
            lockExisting(handle, id);
            int disabled = handle.createUpdate("UPDATE users SET disabled_at = :now WHERE id = :id AND disabled_at IS NULL")
                    .bind("now", Timestamps.bind(now))
                    .bind("id", id.value())
                    .execute();
            if (disabled == 0) {
                return Optional.<JdbiSessionStore.Ended>empty();
            }
            JdbiOneTimeTokenStore.voidAllOf(handle, id);
            JdbiSessionStore.Ended all = JdbiSessionStore.endAllOfUser(handle, feed.log(), id, now, RevokeReason.ACCOUNT_DISABLED);
            events.insert(handle, event);
            return Optional.of(all);
        });
        ended.ifPresent(sessions -> {
            feed.committed(sessions.revocations());
            events.committed(List.of(event));
        });
        return ended.isPresent();
    }

    @Override
    public boolean enable(UserId id, SecurityEvent event) {
        Objects.requireNonNull(event, "event");
        boolean enabled = calls.inTransaction(handle -> {
            lockExisting(handle, id);
            if (handle.createUpdate("UPDATE users SET disabled_at = NULL WHERE id = :id AND disabled_at IS NOT NULL")
                    .bind("id", id.value())
                    .execute() == 0) {
                return false;
            }
            events.insert(handle, event);
            return true;
        });
        if (enabled) {
            events.committed(List.of(event));
        }
        return enabled;
    }

    /**
     * Deletes the rows that refer to the user first, then the user, and records the tombstone.
     * The sessions go before their refresh tokens, in the order rotation locks them, so that a
     * rotation racing the deletion waits for it or is waited for (and its successor deleted too),
     * and never deadlocks with it. The user's security events go after the sessions, so that an
     * event that a transaction holding one of them wrote has committed and goes too; then the
     * deletion's own event is written, the one that stays.
     */
    @Override
    public boolean delete(UserId id, Instant now, SecurityEvent event) {
        Objects.requireNonNull(event, "event");
        Optional<Revocation> recorded = calls.inTransaction(handle -> {
            if (lock(handle, id).isEmpty()) {
                return Optional.<Revocation>empty();
            }
            for (String table : List.of("sessions", "refresh_tokens", "user_roles", "one_time_tokens")) {
                handle.createUpdate("DELETE FROM " + table + " WHERE user_id = :id").bind("id", id.value()).execute();
            }
            events.forget(handle, id);
            handle.createUpdate("DELETE FROM users WHERE id = :id").bind("id", id.value()).execute();
            Revocation tombstone = feed.log().userDeleted(id, now);
            feed.log().record(handle, tombstone, now); // last: see RevocationLog
            events.insert(handle, event);
            return Optional.of(tombstone);
        });
        feed.committed(recorded.stream().toList());
        recorded.ifPresent(tombstone -> events.committed(List.of(event)));
        return recorded.isPresent();
    }

    /**
     * Takes the user's row lock in the transaction of {@code handle}.
     *
     * @return whether the user exists and is not disabled
     */
    static boolean lockEnabled(Handle handle, UserId id) {
        return handle.createQuery("SELECT disabled_at FROM users WHERE id = :id FOR UPDATE")
                .bind("id", id.value())
                .map((rs, ctx) -> Timestamps.readNullable(rs, "disabled_at").isEmpty())
                .findOne()
                .orElse(false);
    }

    /** @return the user's roles version, under the user's row lock */
    static Optional<Long> lock(Handle handle, UserId id) {
        return handle.createQuery("SELECT roles_version FROM users WHERE id = :id FOR UPDATE")
                .bind("id", id.value())
                .mapTo(Long.class)
                .findOne();
    }

    private static long lockExisting(Handle handle, UserId id) {
        return lock(handle, id).orElseThrow(UserNotFoundException::new);
    }

    private Optional<User> findOne(String condition, Object value) {
        return calls.withHandle(handle -> handle.createQuery(UserRow.SELECT_WITH_ROLES.formatted(condition))
                .bind("value", value)
                .scanResultSet((supplier, ctx) -> UserRow.read(supplier.get()))
                .stream()
                .findFirst());
    }
}

package dev.inkan.adapter.persistence;

import dev.inkan.application.port.out.OneTimeTokenStore;
import dev.inkan.application.port.out.StoreUnavailableException;
import dev.inkan.domain.Email;
import dev.inkan.domain.EmailAlreadyRegisteredException;
import dev.inkan.domain.OneTimeToken;
import dev.inkan.domain.OneTimeToken.Purpose;
import dev.inkan.domain.OneTimeTokenHash;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Driven adapter: the {@link OneTimeTokenStore} on a JDBI database, table {@code one_time_tokens},
 * beside Inkan's {@code users} and {@code sessions} (a token belongs to a user of
 * {@link JdbiUserRepository}). Every method takes the user's row lock before it touches the user's
 * tokens, as a deletion of the user does, so the two never deadlock; a token is spent by a guarded
 * {@code DELETE}, which of any number of concurrent uses exactly one gets to delete.
 */
public final class JdbiOneTimeTokenStore implements OneTimeTokenStore {

    private static final String INSERT =
            "INSERT INTO one_time_tokens (" + OneTimeTokenRow.COLUMNS + ") VALUES (" + OneTimeTokenRow.PARAMETERS + ")";

    private final JdbiStoreCalls calls;
    private final JdbiRevocationFeed feed;
    private final JdbiSecurityEventLog events;

    /**
     * A store on {@code jdbi}, whose schema {@link JdbiDatabase} has migrated, that records and
     * delivers the revocations of the sessions a reset ends through {@code feed}, and the events of its
     * changes in {@code events} (both the same database's).
     */
    public JdbiOneTimeTokenStore(Jdbi jdbi, JdbiRevocationFeed feed, JdbiSecurityEventLog events) {
        this.calls = new JdbiStoreCalls(Objects.requireNonNull(jdbi, "jdbi"), "one-time token store unavailable");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public boolean issue(OneTimeToken token, Optional<SecurityEvent> event) {
        OneTimeTokenRow row = OneTimeTokenRow.from(token);
        boolean issued = calls.inTransaction(handle -> {
            if (JdbiUserRepository.lock(handle, token.userId()).isEmpty()) {
                return false;
            }
            handle.createUpdate("DELETE FROM one_time_tokens WHERE user_id = :user AND purpose = :purpose")
                    .bind("user", row.userId())
                    .bind("purpose", row.purpose())
                    .execute();
            row.bindTo(handle.createUpdate(INSERT)).execute();
            event.ifPresent(recorded -> events.insert(handle, recorded));
            return true;
        });
        if (issued) {
            event.ifPresent(recorded -> events.committed(List.of(recorded)));
        }
        return issued;
    }

    @Override
    public Optional<UserAccountChange> resetPassword(OneTimeTokenHash hash, PasswordHash newHash, Instant now, Events events) {
        Optional<Reset> reset = calls.inTransaction(handle -> {
            Optional<OneTimeToken> spent = spend(handle, hash, Set.of(Purpose.PASSWORD_RESET), now);
            if (spent.isEmpty()) {
                return Optional.<Reset>empty();
            }
            UserId user = spent.get().userId();
            handle.createUpdate("""
                            UPDATE users SET password_hash = :hash, email_verified_at = COALESCE(email_verified_at, :now)
                            WHERE id = :id""")
                    .bind("hash", newHash.value())
                    .bind("now", Timestamps.bind(now))
                    .bind("id", user.value())
                    .execute();
            // Every other link (a change of address asked for by whoever had the old password) dies with it.
            voidAllOf(handle, user);
            JdbiSessionStore.Ended ended = JdbiSessionStore.endAllOfUser(handle, feed.log(), user, now, RevokeReason.PASSWORD_RESET);
            SecurityEvent completed = events.of(SecurityEventType.PASSWORD_RESET_COMPLETED, user);
            this.events.insert(handle, completed);
            return Optional.of(new Reset(new UserAccountChange(user, emailOf(handle, user), Optional.empty()), ended, completed));
        });
        reset.ifPresent(done -> {
            feed.committed(done.ended().revocations());
            this.events.committed(List.of(done.event()));
        });
        return reset.map(Reset::change);
    }

    @Override
    public Optional<UserAccountChange> confirmEmail(OneTimeTokenHash hash, Instant now, Events events) {
        Optional<Confirmation> confirmed;
        try {
            confirmed = calls.inTransaction(handle -> confirm(handle, hash, now, events));
        } catch (StoreUnavailableException e) {
            if (!JdbiStoreCalls.isUniqueViolation(e)) {
                throw e;
            }
            // The new address was registered between the check and the change: the token is spent all the same.
            calls.useTransaction(handle -> spend(handle, hash, Set.of(Purpose.CHANGE_EMAIL), now));
            throw new EmailAlreadyRegisteredException();
        }
        if (confirmed.isPresent() && confirmed.get().change().isEmpty()) {
            throw new EmailAlreadyRegisteredException();
        }
        confirmed.flatMap(Confirmation::event).ifPresent(event -> this.events.committed(List.of(event)));
        return confirmed.flatMap(Confirmation::change);
    }

    /**
     * Deletes what can be used no more: tokens that expired before {@code now}. Housekeeping for a
     * scheduled job, not part of the port.
     *
     * @return how many were deleted
     */
    public int purgeExpired(Instant now) {
        return calls.inTransaction(handle -> handle.createUpdate("DELETE FROM one_time_tokens WHERE expires_at <= :now")
                .bind("now", Timestamps.bind(now))
                .execute());
    }

    /** @return empty for a bad token; a confirmation without a change when the new address is taken (the token spent) */
    private Optional<Confirmation> confirm(Handle handle, OneTimeTokenHash hash, Instant now, Events events) {
        Optional<OneTimeToken> spent = spend(handle, hash, Set.of(Purpose.VERIFY_EMAIL, Purpose.CHANGE_EMAIL), now);
        if (spent.isEmpty()) {
            return Optional.empty();
        }
        UserId user = spent.get().userId();
        Email current = emailOf(handle, user);
        if (spent.get().newEmail().isEmpty()) {
            handle.createUpdate("UPDATE users SET email_verified_at = COALESCE(email_verified_at, :now) WHERE id = :id")
                    .bind("now", Timestamps.bind(now))
                    .bind("id", user.value())
                    .execute();
            return Optional.of(new Confirmation(Optional.of(new UserAccountChange(user, current, Optional.empty())),
                    Optional.of(recorded(handle, events.of(SecurityEventType.EMAIL_VERIFIED, user)))));
        }
        Email moved = spent.get().newEmail().get();
        boolean taken = handle.createQuery("SELECT COUNT(*) FROM users WHERE email = :email AND id <> :id")
                .bind("email", moved.value())
                .bind("id", user.value())
                .mapTo(Integer.class)
                .one() > 0;
        if (taken) {
            return Optional.of(new Confirmation(Optional.empty(), Optional.empty()));
        }
        handle.createUpdate("UPDATE users SET email = :email, email_verified_at = :now WHERE id = :id")
                .bind("email", moved.value())
                .bind("now", Timestamps.bind(now))
                .bind("id", user.value())
                .execute();
        // Links mailed to the old address (a reset, a verification) must not act on the new one.
        voidAllOf(handle, user);
        return Optional.of(new Confirmation(Optional.of(new UserAccountChange(user, moved, Optional.of(current))),
                Optional.of(recorded(handle, events.of(SecurityEventType.EMAIL_CHANGED, user)))));
    }

    private SecurityEvent recorded(Handle handle, SecurityEvent event) {
        events.insert(handle, event);
        return event;
    }

    /**
     * Spends the live token with this hash if it is for one of {@code purposes}: under its user's
     * row lock, a {@code DELETE} that only one of several concurrent calls can make.
     *
     * @return the token this call spent
     */
    private static Optional<OneTimeToken> spend(Handle handle, OneTimeTokenHash hash, Set<Purpose> purposes, Instant now) {
        Optional<OneTimeToken> found = handle.createQuery(
                        "SELECT " + OneTimeTokenRow.COLUMNS + " FROM one_time_tokens WHERE token_hash = :hash AND expires_at > :now")
                .bind("hash", hash.hex())
                .bind("now", Timestamps.bind(now))
                .map(OneTimeTokenRow::map)
                .findOne()
                .map(OneTimeTokenRow::toToken)
                .filter(token -> purposes.contains(token.purpose()));
        if (found.isEmpty() || !lockEnabled(handle, found.get().userId())) {
            return Optional.empty();
        }
        int deleted = handle.createUpdate("DELETE FROM one_time_tokens WHERE token_hash = :hash AND expires_at > :now")
                .bind("hash", hash.hex())
                .bind("now", Timestamps.bind(now))
                .execute();
        return deleted == 1 ? found : Optional.empty();
    }

    /** Deletes every one-time token of {@code user}, whose row lock the caller holds: none of their links works any more. */
    static void voidAllOf(Handle handle, UserId user) {
        handle.createUpdate("DELETE FROM one_time_tokens WHERE user_id = :id").bind("id", user.value()).execute();
    }

    /**
     * Takes the user's row lock, as {@link JdbiUserRepository#lock} does, in the same statement that
     * finds the account enabled.
     *
     * @return whether the user exists and is not disabled (and their row is locked then)
     */
    private static boolean lockEnabled(Handle handle, UserId user) {
        return handle.createQuery("SELECT id FROM users WHERE id = :id AND disabled_at IS NULL FOR UPDATE")
                .bind("id", user.value())
                .mapTo(UUID.class)
                .findOne()
                .isPresent();
    }

    private static Email emailOf(Handle handle, UserId user) {
        return new Email(handle.createQuery("SELECT email FROM users WHERE id = :id")
                .bind("id", user.value())
                .mapTo(String.class)
                .one());
    }

    private record Reset(UserAccountChange change, JdbiSessionStore.Ended ended, SecurityEvent event) {
    }

    /**
     * @param change empty when the new address of a change was taken
     * @param event what was recorded with the change
     */
    private record Confirmation(Optional<UserAccountChange> change, Optional<SecurityEvent> event) {
    }
}

package dev.inkan.application.port.out;

import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventCursor;
import dev.inkan.domain.SecurityEventFilter;
import dev.inkan.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Driven port: the security log, every security event of every account, newest first.
 *
 * <p>An event that records a change is written by the store that makes the change, in the same
 * transaction ({@link SessionStore} and {@link UserRepository} take it with the change), so that
 * the change does not happen without its event nor the event without its change. {@link #record}
 * is for the events that change nothing, a failed login. Either way, once an event's transaction
 * has committed, this instance's {@link #subscribe subscribers} hear of it. Every method may throw
 * {@link StoreUnavailableException}.
 */
public interface SecurityEventLog {

    /**
     * Records an event that goes with no change (a failed login), in a transaction of its own. An
     * event of a user whose account is being or has been deleted is dropped: the deletion leaves
     * only its own event of the account.
     */
    void record(SecurityEvent event);

    /**
     * @param filter which events
     * @param before the place after the previous page's last event; empty for the newest
     * @param limit at most this many
     * @return the events, newest first (for one instant, the highest id first)
     */
    List<SecurityEvent> listAll(SecurityEventFilter filter, Optional<SecurityEventCursor> before, int limit);

    /** @return {@code user}'s events, as {@link #listAll} gives them */
    default List<SecurityEvent> listOfUser(UserId user, Optional<SecurityEventCursor> before, int limit) {
        return listAll(SecurityEventFilter.ofUser(user), before, limit);
    }

    /**
     * Deletes every event that occurred before {@code before}, a batch at a time, so that purging a
     * large log holds no lock for long.
     *
     * @return how many it deleted
     */
    int purgeOlderThan(Instant before);

    /**
     * Registers a listener for every event recorded on this instance from now on, told after its
     * transaction committed (so a change that failed tells nobody), in the recording thread.
     */
    void subscribe(Consumer<SecurityEvent> listener);
}

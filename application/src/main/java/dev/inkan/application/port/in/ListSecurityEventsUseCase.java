package dev.inkan.application.port.in;

import dev.inkan.domain.SecurityEventCursor;
import dev.inkan.domain.SecurityEventFilter;
import dev.inkan.domain.UserId;
import java.util.Optional;

/**
 * Use case: read the security log, newest first, a page at a time: a user their own events
 * ({@code GET /me/events}), an administrator everyone's ({@code GET /admin/events}).
 */
public interface ListSecurityEventsUseCase {

    /** The most events one page holds. */
    int MAX_PAGE = 100;
    /** How many events a page holds when the caller does not say. */
    int DEFAULT_PAGE = 20;

    /**
     * @param user whose events
     * @param before the {@link SecurityEventPage#next} of the previous page; empty for the newest
     * @param limit 1 to {@link #MAX_PAGE}
     * @throws IllegalArgumentException when {@code limit} is out of range
     */
    SecurityEventPage ofUser(UserId user, Optional<SecurityEventCursor> before, int limit);

    /**
     * For administrators: every user's events, or those the filter picks.
     *
     * @param before the {@link SecurityEventPage#next} of the previous page; empty for the newest
     * @param limit 1 to {@link #MAX_PAGE}
     * @throws IllegalArgumentException when {@code limit} is out of range
     */
    SecurityEventPage all(SecurityEventFilter filter, Optional<SecurityEventCursor> before, int limit);
}

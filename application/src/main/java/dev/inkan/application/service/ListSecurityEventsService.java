package dev.inkan.application.service;

import dev.inkan.application.port.in.ListSecurityEventsUseCase;
import dev.inkan.application.port.in.SecurityEventPage;
import dev.inkan.application.port.out.SecurityEventLog;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventCursor;
import dev.inkan.domain.SecurityEventFilter;
import dev.inkan.domain.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads the security log a page at a time, newest first. */
public final class ListSecurityEventsService implements ListSecurityEventsUseCase {

    private final SecurityEventLog events;

    public ListSecurityEventsService(SecurityEventLog events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public SecurityEventPage ofUser(UserId user, Optional<SecurityEventCursor> before, int limit) {
        return all(SecurityEventFilter.ofUser(Objects.requireNonNull(user, "user")), before, limit);
    }

    @Override
    public SecurityEventPage all(SecurityEventFilter filter, Optional<SecurityEventCursor> before, int limit) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(before, "before");
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_PAGE + " events");
        }
        // One more than asked for tells whether there is a next page.
        List<SecurityEvent> found = events.listAll(filter, before, limit + 1);
        List<SecurityEvent> page = found.subList(0, Math.min(limit, found.size()));
        Optional<SecurityEventCursor> next = found.size() > limit
                ? Optional.of(SecurityEventCursor.after(page.get(page.size() - 1))) : Optional.empty();
        return new SecurityEventPage(page, next);
    }
}

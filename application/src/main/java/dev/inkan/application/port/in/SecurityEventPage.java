package dev.inkan.application.port.in;

import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventCursor;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Result: one page of the security log, newest first.
 *
 * @param next what to ask for as {@code before} to get the next page; empty on the last one
 */
public record SecurityEventPage(List<SecurityEvent> events, Optional<SecurityEventCursor> next) {

    public SecurityEventPage {
        events = List.copyOf(events);
        Objects.requireNonNull(next, "next");
    }
}

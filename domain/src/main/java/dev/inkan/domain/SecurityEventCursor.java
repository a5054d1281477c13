package dev.inkan.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * Value object: a place in the security log, which lists events newest first: the time and id of
 * the last event of a page. The next page holds the events before it (older, or as old with a
 * lower id).
 */
public record SecurityEventCursor(Instant occurredAt, UUID id) {

    public SecurityEventCursor {
        occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(id, "id");
    }

    /** @return the place right after {@code event}: the next page starts with the event listed after it */
    public static SecurityEventCursor after(SecurityEvent event) {
        return new SecurityEventCursor(event.occurredAt(), event.id());
    }
}

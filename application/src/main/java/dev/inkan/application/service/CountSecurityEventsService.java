package dev.inkan.application.service;

import dev.inkan.application.port.in.CountSecurityEventsUseCase;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Counts the security events this instance records, by type, as the security log's subscriber
 * (which hears each one once its transaction has committed). The map is filled once and never
 * changes shape, and each count is a {@link LongAdder}, so it is safe to share.
 */
public final class CountSecurityEventsService implements CountSecurityEventsUseCase, Consumer<SecurityEvent> {

    private final Map<SecurityEventType, LongAdder> counts = new EnumMap<>(SecurityEventType.class);

    public CountSecurityEventsService() {
        for (SecurityEventType type : SecurityEventType.values()) {
            counts.put(type, new LongAdder());
        }
    }

    /** Counts one recorded event; subscribe this to the security log. */
    @Override
    public void accept(SecurityEvent event) {
        counts.get(Objects.requireNonNull(event, "event").type()).increment();
    }

    @Override
    public long recorded(SecurityEventType type) {
        return counts.get(Objects.requireNonNull(type, "type")).sum();
    }
}

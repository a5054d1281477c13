package dev.inkan.application.port.in;

import dev.inkan.domain.SecurityEventType;

/** Use case: how many security events of each type this instance has recorded, for its metrics. */
@FunctionalInterface
public interface CountSecurityEventsUseCase {

    /** @return how many events of {@code type} this instance recorded (committed) since it started */
    long recorded(SecurityEventType type);
}

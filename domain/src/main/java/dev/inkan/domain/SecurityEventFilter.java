package dev.inkan.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Value object: which events of the security log to list.
 *
 * @param user only this user's events, when present
 * @param type only events of this type, when present
 */
public record SecurityEventFilter(Optional<UserId> user, Optional<SecurityEventType> type) {

    public SecurityEventFilter {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(type, "type");
    }

    /** Every event. */
    public static SecurityEventFilter all() {
        return new SecurityEventFilter(Optional.empty(), Optional.empty());
    }

    /** The events of one user. */
    public static SecurityEventFilter ofUser(UserId user) {
        return new SecurityEventFilter(Optional.of(user), Optional.empty());
    }
}

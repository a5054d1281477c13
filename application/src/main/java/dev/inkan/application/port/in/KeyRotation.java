package dev.inkan.application.port.in;

import java.util.List;
import java.util.Objects;

/**
 * What a rotation did.
 *
 * @param added the new key, published at once
 * @param rescheduled the keys whose retirement it set (among them the key that signs until the new one
 *     does), in the order they were made
 */
public record KeyRotation(KeySummary added, List<KeySummary> rescheduled) {

    public KeyRotation {
        Objects.requireNonNull(added, "added");
        rescheduled = List.copyOf(rescheduled);
    }
}

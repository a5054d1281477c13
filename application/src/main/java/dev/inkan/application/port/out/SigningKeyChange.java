package dev.inkan.application.port.out;

import dev.inkan.domain.Revocation.KeyRetired;
import dev.inkan.domain.ScheduledKey;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one change of a {@link SigningKeyStore} writes, in one transaction.
 *
 * @param added new keys, made in this order after every key held
 * @param rescheduled keys held whose signing or retirement moves to the times given
 * @param retired the revocation that records a key retired before its time, for the revocation log
 */
public record SigningKeyChange(List<StoredSigningKey> added, List<ScheduledKey> rescheduled, Optional<KeyRetired> retired) {

    public SigningKeyChange {
        added = List.copyOf(added);
        rescheduled = List.copyOf(rescheduled);
        Objects.requireNonNull(retired, "retired");
    }
}

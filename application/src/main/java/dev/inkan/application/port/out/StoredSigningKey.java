package dev.inkan.application.port.out;

import dev.inkan.domain.ScheduledKey;
import dev.inkan.token.JwsAlgorithm;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One signing key as a {@link SigningKeyStore} keeps it: its algorithm, its secret part as
 * {@link KeyEncryption#seal} sealed it, when it was made, and when it signs and retires.
 */
public record StoredSigningKey(JwsAlgorithm algorithm, byte[] sealedSecret, Instant createdAt, ScheduledKey schedule) {

    public StoredSigningKey {
        Objects.requireNonNull(algorithm, "algorithm");
        sealedSecret = Objects.requireNonNull(sealedSecret, "sealedSecret").clone();
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(schedule, "schedule");
    }

    /** @return a copy of the sealed secret */
    @Override
    public byte[] sealedSecret() {
        return sealedSecret.clone();
    }

    /** @return the key's id */
    public String keyId() {
        return schedule.keyId();
    }

    /** @return this key with the times of {@code schedule} (of the same key id) */
    public StoredSigningKey rescheduled(ScheduledKey schedule) {
        if (!schedule.keyId().equals(keyId())) {
            throw new IllegalArgumentException("not the schedule of key '" + keyId() + "'");
        }
        return new StoredSigningKey(algorithm, sealedSecret, createdAt, schedule);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredSigningKey that && algorithm == that.algorithm
                && Arrays.equals(sealedSecret, that.sealedSecret) && createdAt.equals(that.createdAt)
                && schedule.equals(that.schedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, createdAt, schedule);
    }

    @Override
    public String toString() {
        return "StoredSigningKey[" + algorithm.jwsName() + ", " + schedule + "]";
    }
}

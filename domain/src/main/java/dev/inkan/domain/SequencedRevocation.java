package dev.inkan.domain;

import java.util.Objects;

/**
 * A revocation with its place in the revocation log.
 *
 * @param seq its sequence number: positive, greater than that of every revocation committed before it
 * @param revocation what it refuses
 */
public record SequencedRevocation(long seq, Revocation revocation) {

    public SequencedRevocation {
        if (seq < 1) {
            throw new IllegalArgumentException("a sequence number is positive, not " + seq);
        }
        Objects.requireNonNull(revocation, "revocation");
    }
}

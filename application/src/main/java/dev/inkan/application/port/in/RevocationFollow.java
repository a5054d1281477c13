package dev.inkan.application.port.in;

import dev.inkan.domain.SequencedRevocation;
import java.util.List;
import java.util.Objects;

/**
 * What following the revocation log begins with.
 *
 * @param missed the revocations the follower missed, still relevant, in sequence order; when one of
 *     them refuses the follower's own access token, it is the last
 * @param position the sequence number the follower is current up to once it has {@code missed}; the
 *     follower hears every revocation after it
 * @param credentialRevoked whether the last of {@code missed} refuses the follower's own access token,
 *     so that it hears nothing more
 * @param subscription stops what the follower hears; closing it twice is harmless
 */
public record RevocationFollow(List<SequencedRevocation> missed, long position, boolean credentialRevoked,
                               AutoCloseable subscription) {

    public RevocationFollow {
        missed = List.copyOf(missed);
        Objects.requireNonNull(subscription, "subscription");
        if (position < 0) {
            throw new IllegalArgumentException("a position is not negative");
        }
    }
}

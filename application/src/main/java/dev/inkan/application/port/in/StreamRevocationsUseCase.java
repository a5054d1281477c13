package dev.inkan.application.port.in;

import dev.inkan.domain.AccessTokenClaims;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Use case: follow the revocation log from outside Inkan, as a resource server does: first what it
 * missed, then what comes, in the log's order, and nothing more once the follower's own access
 * token is revoked.
 */
public interface StreamRevocationsUseCase {

    /**
     * @return whether the log can be followed: it can with Inkan's own revocation feed, and not with an
     *     embedder's feed that keeps no sequence
     */
    boolean available();

    /**
     * Subscribes {@code follower} to what comes, then reads what it missed: subscribing first, so that
     * nothing falls between the two, and reading only up to where the subscription began, so that
     * nothing comes twice.
     *
     * @param since the sequence number the follower has every revocation up to; empty for a follower
     *     that has none, and one beyond the log's end (a log made anew) is taken as none
     * @param caller the claims of the access token the follower follows with; empty for a feed
     *     token, which no revocation ends
     * @param follower where every revocation after the catch-up goes, in sequence order
     * @return the revocations it missed, still relevant, in sequence order, and the subscription to close
     * @throws IllegalStateException when the log cannot be followed ({@link #available()} is false)
     * @throws dev.inkan.application.port.out.StoreUnavailableException when the log could not be read
     */
    RevocationFollow follow(OptionalLong since, Optional<AccessTokenClaims> caller, RevocationFollower follower);
}

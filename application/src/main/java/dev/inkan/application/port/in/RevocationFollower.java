package dev.inkan.application.port.in;

import dev.inkan.domain.SequencedRevocation;

/**
 * Who follows the revocation log after its catch-up. Its methods are called on a thread that serves
 * every follower, one call at a time per follower, and must return at once (queue, do not write).
 */
public interface RevocationFollower {

    /** The next revocation, after every one before it. */
    void revoked(SequencedRevocation revocation);

    /** The revocation last handed over refuses the follower's own access token: it hears nothing more. */
    void credentialRevoked();
}

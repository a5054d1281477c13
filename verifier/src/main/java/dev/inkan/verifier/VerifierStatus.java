package dev.inkan.verifier;

import java.time.Instant;
import java.util.Optional;

/**
 * What a verifier knows of its keys and its feed, for health checks and metrics.
 *
 * @param keys how many keys it verifies with (HMAC keys given to it, and public keys from the JWK Set)
 * @param keysProblem why the last fetch of the discovery document or the JWK Set failed, if it did
 * @param feedFollowed whether it follows a revocation feed at all
 * @param feedCurrentAt when it last knew it had every revocation (empty: never yet)
 * @param feedPosition the sequence number of the last revocation it has, 0 for none
 * @param feedConnections how many times it connected to the feed
 * @param acceptedWhileStale how many tokens it accepted while the feed was stale (the metric of
 *     {@link FeedPolicy#acceptWhenStale})
 * @param feedProblem why the feed was last lost or refused, if it was
 */
public record VerifierStatus(int keys, Optional<String> keysProblem, boolean feedFollowed, Optional<Instant> feedCurrentAt,
                             long feedPosition, long feedConnections, long acceptedWhileStale, Optional<String> feedProblem) {
}

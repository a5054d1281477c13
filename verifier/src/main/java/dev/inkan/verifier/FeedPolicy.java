package dev.inkan.verifier;

import java.time.Duration;
import java.util.Objects;

/**
 * What the verifier does while the revocation feed is away: when it has not been current (connected,
 * caught up, hearing from Inkan at least every heartbeat) for longer than {@link #staleAfter()}, it
 * either goes on accepting tokens, with a warning in the log and a count in
 * {@link VerifierStatus#acceptedWhileStale()}, or refuses them with {@link TokenRefusedException.Reason#FEED_STALE}.
 *
 * <p>The default is {@link #DEFAULT}: accept, once the feed has been away a minute. A resource server
 * should not go down whenever Inkan or the network to it does (Inkan's own instances keep verifying
 * when their database is down, for the same reason), and what is lost is bounded: a token revoked
 * while the feed is away stays good until it expires (15 minutes by default), as any JWT without
 * revocation would. Where a revoked token must never pass, take {@link #refuseWhenStale(Duration)}.
 */
public final class FeedPolicy {

    /** Accept with a warning once the feed has been away a minute: four of Inkan's heartbeats. */
    public static final FeedPolicy DEFAULT = acceptWhenStale(Duration.ofMinutes(1));

    private final Duration staleAfter;
    private final boolean refuse;

    private FeedPolicy(Duration staleAfter, boolean refuse) {
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("the feed is stale after a positive duration, not " + staleAfter);
        }
        this.staleAfter = staleAfter;
        this.refuse = refuse;
    }

    /**
     * @param staleAfter how long the feed may be away before it counts as stale; longer than Inkan's
     *     heartbeat ({@code INKAN_REVOCATION_FEED_HEARTBEAT}, 15 s), or a quiet feed would count as away
     * @return a policy that goes on accepting tokens then, warning and counting each
     */
    public static FeedPolicy acceptWhenStale(Duration staleAfter) {
        return new FeedPolicy(staleAfter, false);
    }

    /**
     * @param staleAfter as for {@link #acceptWhenStale}
     * @return a policy that refuses every token then, and before the feed was current once
     */
    public static FeedPolicy refuseWhenStale(Duration staleAfter) {
        return new FeedPolicy(staleAfter, true);
    }

    public Duration staleAfter() {
        return staleAfter;
    }

    /** @return whether tokens are refused while the feed is stale */
    public boolean refusesWhenStale() {
        return refuse;
    }

    @Override
    public String toString() {
        return (refuse ? "refuse" : "accept") + " when the feed is stale (after " + staleAfter + ")";
    }
}

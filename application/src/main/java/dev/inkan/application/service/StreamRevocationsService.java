package dev.inkan.application.service;

import dev.inkan.application.port.in.RevocationFollow;
import dev.inkan.application.port.in.RevocationFollower;
import dev.inkan.application.port.in.StreamRevocationsUseCase;
import dev.inkan.application.port.out.RevocationFeed;
import dev.inkan.application.port.out.RevocationStream;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.RevocationRegistry;
import dev.inkan.domain.SequencedRevocation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Follows the revocation log for a resource server: subscribes, then reads what the follower missed
 * up to where the subscription began, and checks each revocation against the follower's own access
 * token, so that its stream ends on the revocation that refuses it.
 */
public final class StreamRevocationsService implements StreamRevocationsUseCase {

    private final Optional<RevocationStream> stream;
    private final Clock clock;

    public StreamRevocationsService(RevocationFeed feed, Clock clock) {
        this.stream = Objects.requireNonNull(feed, "feed").stream();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean available() {
        return stream.isPresent();
    }

    @Override
    public RevocationFollow follow(OptionalLong since, Optional<AccessTokenClaims> caller, RevocationFollower follower) {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(follower, "follower");
        RevocationStream log = stream.orElseThrow(() -> new IllegalStateException("this revocation feed keeps no sequence"));
        Live live = new Live(caller, follower);
        RevocationStream.Subscription subscription = log.subscribe(live::hear);
        try {
            long position = subscription.position();
            long from = since.isPresent() && since.getAsLong() <= position ? since.getAsLong() : 0;
            List<SequencedRevocation> missed = new ArrayList<>();
            for (SequencedRevocation revocation : log.between(from, position, clock.instant())) {
                missed.add(revocation);
                if (caller.isPresent() && RevocationRegistry.refuses(revocation.revocation(), caller.get())) {
                    subscription.close();
                    return new RevocationFollow(missed, position, true, subscription::close);
                }
            }
            return new RevocationFollow(missed, position, false, subscription::close);
        } catch (RuntimeException e) {
            subscription.close();
            throw e;
        }
    }

    /** The follower's side of the subscription: every revocation passed on until one refuses its own token. */
    private static final class Live {

        private final Optional<AccessTokenClaims> caller;
        private final RevocationFollower follower;
        private boolean ended;

        Live(Optional<AccessTokenClaims> caller, RevocationFollower follower) {
            this.caller = caller;
            this.follower = follower;
        }

        synchronized void hear(SequencedRevocation revocation) {
            if (ended) {
                return;
            }
            follower.revoked(revocation);
            if (caller.isPresent() && RevocationRegistry.refuses(revocation.revocation(), caller.get())) {
                ended = true;
                follower.credentialRevoked();
            }
        }
    }
}

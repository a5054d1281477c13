package dev.inkan.adapter.web;

import dev.inkan.application.port.out.RevocationFeed;
import dev.inkan.application.port.out.RevocationStream;
import dev.inkan.domain.Revocation;
import dev.inkan.domain.SequencedRevocation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Test double: a revocation feed in memory whose stream delivers each revocation to its followers as it is published. */
final class InMemoryRevocationLog implements RevocationFeed {

    private final List<SequencedRevocation> recorded = new ArrayList<>();
    private final List<Consumer<SequencedRevocation>> followers = new CopyOnWriteArrayList<>();
    private final RevocationStream stream = new RevocationStream() {
        @Override
        public Subscription subscribe(Consumer<SequencedRevocation> listener) {
            synchronized (InMemoryRevocationLog.this) {
                followers.add(listener);
                long position = recorded.size();
                return new Subscription() {
                    @Override
                    public long position() {
                        return position;
                    }

                    @Override
                    public void close() {
                        followers.remove(listener);
                    }
                };
            }
        }

        @Override
        public List<SequencedRevocation> between(long after, long upTo, Instant now) {
            synchronized (InMemoryRevocationLog.this) {
                return recorded.stream()
                        .filter(r -> r.seq() > after && r.seq() <= upTo && r.revocation().relevantUntil().isAfter(now)).toList();
            }
        }
    };

    @Override
    public synchronized void publish(Revocation revocation) {
        SequencedRevocation sequenced = new SequencedRevocation(recorded.size() + 1, revocation);
        recorded.add(sequenced);
        followers.forEach(follower -> follower.accept(sequenced));
    }

    @Override
    public List<Revocation> current(Instant now) {
        return List.of();
    }

    @Override
    public void subscribe(Consumer<Revocation> listener) {
    }

    @Override
    public Optional<RevocationStream> stream() {
        return Optional.of(stream);
    }

    /** @return how many follow it now */
    int followers() {
        return followers.size();
    }
}

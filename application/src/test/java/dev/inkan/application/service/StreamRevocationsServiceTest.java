package dev.inkan.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;

import dev.inkan.application.port.in.RevocationFollow;
import dev.inkan.application.port.in.RevocationFollower;
import dev.inkan.application.port.out.RevocationFeed;
import dev.inkan.application.port.out.RevocationStream;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.Revocation;
import dev.inkan.domain.Revocation.SessionRevoked;
import dev.inkan.domain.Revocation.TokenRevoked;
import dev.inkan.domain.SequencedRevocation;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Following the revocation log: catch-up and live without a gap or a repeat, and the end when the follower's token is revoked. */
class StreamRevocationsServiceTest {

    private static final Instant NOW = Instant.parse("2031-01-02T03:04:05Z");
    private static final SessionId SERVICE_SESSION = new SessionId(UUID.randomUUID());
    private static final AccessTokenClaims SERVICE = new AccessTokenClaims("inkan", new UserId(UUID.randomUUID()),
            List.of("inkan"), NOW, NOW.plusSeconds(900), Optional.empty(), "service-jti", SERVICE_SESSION, List.of("service"), 0,
            Map.of());

    private final FakeStream log = new FakeStream();
    private final Follower follower = new Follower();
    private StreamRevocationsService service;

    @BeforeEach
    void setUp() {
        service = new StreamRevocationsService(new FakeFeed(log), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void withoutSince_theFollowerGetsEverythingStillRelevant_thenWhatComes_inOrder() {
        log.record(token("a"));
        log.record(new TokenRevoked("long-gone", NOW.minusSeconds(3600)));
        log.record(token("b"));

        RevocationFollow follow = service.follow(OptionalLong.empty(), Optional.empty(), follower);
        log.record(token("c"));

        assertThat(follow.missed()).extracting(SequencedRevocation::seq).containsExactly(1L, 3L);
        assertThat(follow.position()).isEqualTo(3);
        assertThat(follow.credentialRevoked()).isFalse();
        assertThat(follower.heard).extracting(SequencedRevocation::seq).containsExactly(4L);
    }

    @Test
    void since_skipsWhatTheFollowerHas_andASinceBeyondTheLog_isTakenAsNone() {
        for (String jti : List.of("a", "b", "c")) {
            log.record(token(jti));
        }

        assertThat(service.follow(OptionalLong.of(2), Optional.empty(), follower).missed())
                .extracting(SequencedRevocation::seq).containsExactly(3L);
        assertThat(service.follow(OptionalLong.of(3), Optional.empty(), new Follower()).missed()).isEmpty();
        assertThat(service.follow(OptionalLong.of(99), Optional.empty(), new Follower()).missed())
                .extracting(SequencedRevocation::seq).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aRevocationOfTheFollowersOwnSession_whileFollowing_isHandedOver_thenEndsIt() {
        RevocationFollow follow = service.follow(OptionalLong.empty(), Optional.of(SERVICE), follower);

        log.record(token("other"));
        log.record(new SessionRevoked(SERVICE_SESSION, NOW.plusSeconds(960)));
        log.record(token("after"));

        assertThat(follow.credentialRevoked()).isFalse();
        assertThat(follower.heard).extracting(SequencedRevocation::seq).containsExactly(1L, 2L);
        assertThat(follower.ended).isTrue();
        assertThat(log.listeners).as("the subscription is closed by the web side").hasSize(1);
    }

    @Test
    void aRevocationOfTheFollowersOwnToken_inWhatItMissed_isTheLast_andItHearsNothingMore() {
        log.record(token("a"));
        log.record(token("service-jti"));
        log.record(token("b"));

        RevocationFollow follow = service.follow(OptionalLong.empty(), Optional.of(SERVICE), follower);
        log.record(token("c"));

        assertThat(follow.missed()).extracting(SequencedRevocation::seq).containsExactly(1L, 2L);
        assertThat(follow.credentialRevoked()).isTrue();
        assertThat(log.listeners).isEmpty();
        assertThat(follower.heard).isEmpty();
    }

    @Test
    void aFeedToken_isEndedByNoRevocation() {
        service.follow(OptionalLong.empty(), Optional.empty(), follower);

        log.record(token("service-jti"));
        log.record(new SessionRevoked(SERVICE_SESSION, NOW.plusSeconds(960)));

        assertThat(follower.heard).hasSize(2);
        assertThat(follower.ended).isFalse();
    }

    @Test
    void closingTheSubscription_stopsWhatTheFollowerHears() throws Exception {
        RevocationFollow follow = service.follow(OptionalLong.empty(), Optional.empty(), follower);

        follow.subscription().close();
        follow.subscription().close();
        log.record(token("a"));

        assertThat(follower.heard).isEmpty();
    }

    @Test
    void aFeedThatKeepsNoSequence_cannotBeFollowed() {
        StreamRevocationsService withoutSequence =
                new StreamRevocationsService(mock(RevocationFeed.class, CALLS_REAL_METHODS), Clock.systemUTC());

        assertThat(withoutSequence.available()).isFalse();
        assertThatThrownBy(() -> withoutSequence.follow(OptionalLong.empty(), Optional.empty(), follower))
                .isInstanceOf(IllegalStateException.class);
    }

    private static TokenRevoked token(String jti) {
        return new TokenRevoked(jti, NOW.plusSeconds(900));
    }

    /** The log in memory: each revocation recorded is delivered to the listeners at once, in order. */
    private static final class FakeStream implements RevocationStream {
        final List<SequencedRevocation> recorded = new ArrayList<>();
        final List<Consumer<SequencedRevocation>> listeners = new ArrayList<>();

        void record(Revocation revocation) {
            SequencedRevocation sequenced = new SequencedRevocation(recorded.size() + 1, revocation);
            recorded.add(sequenced);
            List.copyOf(listeners).forEach(listener -> listener.accept(sequenced));
        }

        @Override
        public Subscription subscribe(Consumer<SequencedRevocation> listener) {
            listeners.add(listener);
            long position = recorded.size();
            return new Subscription() {
                @Override
                public long position() {
                    return position;
                }

                @Override
                public void close() {
                    listeners.remove(listener);
                }
            };
        }

        @Override
        public List<SequencedRevocation> between(long after, long upTo, Instant now) {
            return recorded.stream().filter(r -> r.seq() > after && r.seq() <= upTo)
                    .filter(r -> r.revocation().relevantUntil().isAfter(now)).toList();
        }
    }

    private record FakeFeed(FakeStream log) implements RevocationFeed {
        @Override
        public void publish(Revocation revocation) {
            log.record(revocation);
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
            return Optional.of(log);
        }
    }

    private static final class Follower implements RevocationFollower {
        final List<SequencedRevocation> heard = new ArrayList<>();
        boolean ended;

        @Override
        public void revoked(SequencedRevocation revocation) {
            heard.add(revocation);
        }

        @Override
        public void credentialRevoked() {
            ended = true;
        }
    }
}

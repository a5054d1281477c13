package dev.inkan.application.service;

import static dev.inkan.application.service.Fixtures.NOW;
import static dev.inkan.application.service.Fixtures.POLICY;
import static dev.inkan.application.service.Fixtures.SESSION;
import static dev.inkan.application.service.Fixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.inkan.application.port.out.Revocation;
import dev.inkan.application.port.out.Revocation.SessionRevoked;
import dev.inkan.application.port.out.Revocation.TokenRevoked;
import dev.inkan.application.port.out.Revocation.UserTokensRevoked;
import dev.inkan.application.port.out.RevocationFeed;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.InvalidTokenException.Reason;
import dev.inkan.domain.SessionId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class VerifyAndRevocationTest {

    private final MutableClock clock = new MutableClock(NOW);
    private final RevocationRegistry registry = new RevocationRegistry(clock, POLICY.leeway());
    private final AccessTokenCodec codec = new AccessTokenCodec(Fixtures.hs256(), Fixtures.ring(Fixtures.key("k1")),
            Fixtures.plainCodec());
    private final VerifyAccessTokenService verifier = new VerifyAccessTokenService(codec, POLICY, registry, clock);

    @Test
    void aGoodToken_verifies_andIsNotCounted() {
        assertThat(verifier.verify(codec.sign(claimsAt(NOW)))).isEqualTo(claimsAt(NOW));
        assertThat(verifier.refusals().snapshot().values()).allMatch(count -> count == 0);
    }

    @Test
    void everyRefusal_isCountedByReason() {
        String token = codec.sign(claimsAt(NOW));
        registry.accept(new TokenRevoked("jti-" + NOW.getEpochSecond(), NOW.plusSeconds(900)));

        assertRefused(token, Reason.REVOKED);
        assertRefused("x.y.z", Reason.MALFORMED);
        assertRefused("", Reason.MISSING);
        clock.now = NOW.plus(Duration.ofMinutes(16));
        assertRefused(codec.sign(claimsAt(NOW.minusSeconds(1))), Reason.EXPIRED);

        assertThat(verifier.refusals().count(Reason.REVOKED)).isEqualTo(1);
        assertThat(verifier.refusals().count(Reason.MALFORMED)).isEqualTo(1);
        assertThat(verifier.refusals().count(Reason.MISSING)).isEqualTo(1);
        assertThat(verifier.refusals().count(Reason.EXPIRED)).isEqualTo(1);
        assertThat(verifier.refusals().count(Reason.BAD_SIGNATURE)).isZero();
    }

    @Test
    void aRevokedSession_refusesEveryTokenOfIt_andNoOther() {
        registry.accept(new SessionRevoked(SESSION, NOW.plusSeconds(900)));

        assertThat(registry.isRevoked(claimsAt(NOW))).isTrue();
        assertThat(registry.isRevoked(POLICY.newAccessClaims(USER, new SessionId(UUID.randomUUID()), "other", NOW))).isFalse();
    }

    @Test
    void aUserCut_refusesTokensIssuedInWholeSecondsBeforeIt_andAcceptsLaterOnes() {
        Instant cut = NOW.plusMillis(500);
        registry.accept(new UserTokensRevoked(USER, cut, cut.plusSeconds(900)));
        SessionId fresh = new SessionId(UUID.randomUUID());

        assertThat(registry.isRevoked(POLICY.newAccessClaims(USER, fresh, "a", NOW.minusSeconds(1)))).isTrue();
        // The cut's own second is not refused by the cut alone; the sessions it ended are revoked by sid.
        assertThat(registry.isRevoked(POLICY.newAccessClaims(USER, fresh, "b", NOW.plusMillis(900)))).isFalse();
        assertThat(registry.isRevoked(POLICY.newAccessClaims(USER, fresh, "c", NOW.plusSeconds(2)))).isFalse();
    }

    @Test
    void revocations_areForgotten_onceEveryTokenTheyCouldRefuseHasExpired() {
        registry.accept(new TokenRevoked("old", NOW.plusSeconds(60)));
        registry.accept(new SessionRevoked(SESSION, NOW.plusSeconds(60)));
        assertThat(registry.size()).isEqualTo(2);

        clock.now = NOW.plusSeconds(60).plus(POLICY.leeway()).plusSeconds(61);
        registry.accept(new TokenRevoked("new", clock.now.plusSeconds(900)));

        assertThat(registry.size()).isEqualTo(1);
    }

    @Test
    void following_subscribesBeforeLoading_soNothingInBetweenIsLost() {
        RevocationFeed feed = mock(RevocationFeed.class);
        Revocation loaded = new TokenRevoked("loaded", NOW.plusSeconds(60));
        when(feed.current(NOW)).thenReturn(List.of(loaded));

        RevocationRegistry following = RevocationRegistry.following(feed, POLICY, clock);

        InOrder order = inOrder(feed);
        order.verify(feed).subscribe(following);
        order.verify(feed).current(NOW);
        assertThat(following.isRevoked(new AccessTokenClaims("inkan", USER, List.of("inkan"), NOW, NOW.plusSeconds(60),
                java.util.Optional.empty(), "loaded", SESSION))).isTrue();
    }

    private AccessTokenClaims claimsAt(Instant issued) {
        return POLICY.newAccessClaims(USER, SESSION, "jti-" + issued.getEpochSecond(), issued);
    }

    private void assertRefused(String token, Reason reason) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package dev.inkan.application.service;

import static dev.inkan.application.service.Fixtures.ANN;
import static dev.inkan.application.service.Fixtures.NOW;
import static dev.inkan.application.service.Fixtures.RULES;
import static dev.inkan.application.service.Fixtures.SESSION;
import static dev.inkan.application.service.Fixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.inkan.application.port.out.RevocationFeed;
import dev.inkan.application.tokens.AccessTokens;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.Email;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.InvalidTokenException.Reason;
import dev.inkan.domain.Revocation;
import dev.inkan.domain.Revocation.RolesRevoked;
import dev.inkan.domain.Revocation.SessionRevoked;
import dev.inkan.domain.Revocation.TokenRevoked;
import dev.inkan.domain.Revocation.UserDeleted;
import dev.inkan.domain.Revocation.UserTokensRevoked;
import dev.inkan.domain.RevocationRegistry;
import dev.inkan.domain.Role;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class VerifyAndRevocationTest {

    private final MutableClock clock = new MutableClock(NOW);
    private final RevocationRegistry registry = new RevocationRegistry(clock, RULES.leeway());
    private final AccessTokens tokens = Fixtures.accessTokens();
    private final VerifyAccessTokenService verifier = new VerifyAccessTokenService(tokens, registry, clock);

    @Test
    void aGoodToken_verifies() {
        assertThat(verifier.verify(tokens.sign(claimsAt(NOW)))).isEqualTo(claimsAt(NOW));
    }

    @Test
    void everyRefusal_namesItsReason() {
        String token = tokens.sign(claimsAt(NOW));
        registry.accept(new TokenRevoked("jti-" + NOW.getEpochSecond(), NOW.plusSeconds(900)));

        assertRefused(token, Reason.REVOKED);
        assertRefused("x.y.z", Reason.MALFORMED);
        assertRefused("", Reason.MISSING);
        clock.now = NOW.plus(Duration.ofMinutes(16));
        assertRefused(tokens.sign(claimsAt(NOW.minusSeconds(1))), Reason.EXPIRED);
    }

    @Test
    void aRevokedSession_refusesEveryTokenOfIt_andNoOther() {
        registry.accept(new SessionRevoked(SESSION, NOW.plusSeconds(900)));

        assertThat(registry.isRevoked(claimsAt(NOW))).isTrue();
        assertThat(registry.isRevoked(tokens.claimsFor(ANN, new SessionId(UUID.randomUUID()), "other", Map.of(), NOW))).isFalse();
    }

    @Test
    void aUserCut_refusesTokensIssuedInWholeSecondsBeforeIt_andAcceptsLaterOnes() {
        Instant cut = NOW.plusMillis(500);
        registry.accept(new UserTokensRevoked(USER, cut, cut.plusSeconds(900)));
        SessionId fresh = new SessionId(UUID.randomUUID());

        assertThat(registry.isRevoked(tokens.claimsFor(ANN, fresh, "a", Map.of(), NOW.minusSeconds(1)))).isTrue();
        // The cut's own second is not refused by the cut alone; the sessions it ended are revoked by sid.
        assertThat(registry.isRevoked(tokens.claimsFor(ANN, fresh, "b", Map.of(), NOW.plusMillis(900)))).isFalse();
        assertThat(registry.isRevoked(tokens.claimsFor(ANN, fresh, "c", Map.of(), NOW.plusSeconds(2)))).isFalse();
    }

    @Test
    void aRoleTakenAway_refusesEveryTokenOfAnOlderRolesVersion_whenEverItWasIssued() {
        User granted = withRolesVersion(2);
        registry.accept(new RolesRevoked(USER, 3, NOW.plusSeconds(900)));

        assertThat(registry.isRevoked(tokens.claimsFor(granted, SESSION, "older", Map.of(), NOW.plusSeconds(5)))).isTrue();
        assertThat(registry.isRevoked(tokens.claimsFor(withRolesVersion(3), SESSION, "current", Map.of(), NOW))).isFalse();
        User someoneElse = User.register(new UserId(UUID.randomUUID()), new Email("bo@example.com"), ANN.passwordHash(), NOW);
        assertThat(registry.isRevoked(tokens.claimsFor(someoneElse, new SessionId(UUID.randomUUID()), "other", Map.of(), NOW)))
                .as("another user's").isFalse();

        registry.accept(new RolesRevoked(USER, 1, NOW.plusSeconds(900)));
        assertThat(registry.isRevoked(tokens.claimsFor(granted, SESSION, "still", Map.of(), NOW))).as("an older revocation lowers nothing").isTrue();
    }

    @Test
    void aDeletedUser_hasEveryTokenRefused_whenEverItWasIssued() {
        registry.accept(new UserDeleted(USER, NOW.plusSeconds(900)));

        assertThat(registry.isRevoked(claimsAt(NOW.plusSeconds(30)))).isTrue();
        assertThat(registry.isRevoked(tokens.claimsFor(withRolesVersion(9), SESSION, "x", Map.of(), NOW))).isTrue();
    }

    @Test
    void aVerifiedToken_carriesTheRolesAndTheRolesVersionItWasIssuedWith() {
        User admin = new User(USER, ANN.email(), ANN.passwordHash(), NOW, List.of(new Role("billing:read"), Role.ADMIN), 4,
                Optional.empty());
        AccessTokenClaims claims = tokens.claimsFor(admin, SESSION, "r", Map.of("tenant", "acme"), NOW);

        AccessTokenClaims verified = verifier.verify(tokens.sign(claims));

        assertThat(verified.roles()).containsExactly("admin", "billing:read");
        assertThat(verified.rolesVersion()).isEqualTo(4);
        assertThat(verified.custom()).containsExactly(Map.entry("tenant", "acme"));
    }

    @Test
    void revocations_areForgotten_onceEveryTokenTheyCouldRefuseHasExpired() {
        registry.accept(new TokenRevoked("jti-" + NOW.getEpochSecond(), NOW.plusSeconds(60)));
        registry.accept(new SessionRevoked(SESSION, NOW.plusSeconds(60)));
        assertThat(registry.isRevoked(claimsAt(NOW))).isTrue();

        clock.now = NOW.plusSeconds(60).plus(RULES.leeway()).plusSeconds(61);
        registry.accept(new TokenRevoked("new", clock.now.plusSeconds(900)));

        assertThat(registry.isRevoked(claimsAt(NOW))).as("both forgotten").isFalse();
    }

    @Test
    void following_subscribesBeforeLoading_soNothingInBetweenIsLost() {
        RevocationFeed feed = mock(RevocationFeed.class, CALLS_REAL_METHODS);
        Revocation loaded = new TokenRevoked("loaded", NOW.plusSeconds(60));
        doReturn(List.of(loaded)).when(feed).current(NOW);
        doNothing().when(feed).subscribe(any());
        RevocationRegistry following = new RevocationRegistry(clock, RULES.leeway());

        feed.follow(following, NOW);

        InOrder order = inOrder(feed);
        order.verify(feed).subscribe(following);
        order.verify(feed).current(NOW);
        assertThat(following.isRevoked(new AccessTokenClaims("inkan", USER, List.of("inkan"), NOW, NOW.plusSeconds(60),
                Optional.empty(), "loaded", SESSION, List.of(), 0, Map.of()))).isTrue();
    }

    private static User withRolesVersion(long version) {
        return new User(USER, ANN.email(), ANN.passwordHash(), NOW, List.of(Role.ADMIN), version, Optional.empty());
    }

    private AccessTokenClaims claimsAt(Instant issued) {
        return tokens.claimsFor(ANN, SESSION, "jti-" + issued.getEpochSecond(), Map.of(), issued);
    }

    private void assertRefused(String token, Reason reason) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

}

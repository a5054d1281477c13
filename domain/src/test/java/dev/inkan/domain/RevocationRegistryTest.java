package dev.inkan.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.domain.Revocation.RolesRevoked;
import dev.inkan.domain.Revocation.SessionRevoked;
import dev.inkan.domain.Revocation.TokenRevoked;
import dev.inkan.domain.Revocation.UserDeleted;
import dev.inkan.domain.Revocation.UserTokensRevoked;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One revocation against one token's claims, as the registry and a follower of the feed judge it. */
class RevocationRegistryTest {

    private static final Instant NOW = Instant.parse("2031-01-02T03:04:05Z");
    private static final UserId USER = new UserId(UUID.randomUUID());
    private static final SessionId SESSION = new SessionId(UUID.randomUUID());
    private static final AccessTokenClaims CLAIMS = new AccessTokenClaims("inkan", USER, List.of("inkan"), NOW,
            NOW.plusSeconds(900), Optional.empty(), "jti-1", SESSION, List.of("service"), 2, Map.of());
    private static final Instant UNTIL = NOW.plusSeconds(960);

    @Test
    void eachKindRefusesTheTokenItNames_andNoOther() {
        UserId other = new UserId(UUID.randomUUID());
        List<Revocation> refusing = List.of(
                new TokenRevoked("jti-1", UNTIL),
                new SessionRevoked(SESSION, UNTIL),
                new UserTokensRevoked(USER, NOW.plusSeconds(1), UNTIL),
                new RolesRevoked(USER, 3, UNTIL),
                new UserDeleted(USER, UNTIL));
        List<Revocation> sparing = List.of(
                new TokenRevoked("jti-2", UNTIL),
                new SessionRevoked(new SessionId(UUID.randomUUID()), UNTIL),
                new UserTokensRevoked(USER, NOW, UNTIL), // a cut-off at the second it was issued spares it
                new UserTokensRevoked(other, NOW.plusSeconds(1), UNTIL),
                new RolesRevoked(USER, 2, UNTIL),
                new RolesRevoked(other, 3, UNTIL),
                new UserDeleted(other, UNTIL));

        for (Revocation revocation : refusing) {
            assertThat(RevocationRegistry.refuses(revocation, CLAIMS)).as("%s", revocation).isTrue();
            assertThat(registryOf(revocation).isRevoked(CLAIMS)).as("a registry holding %s", revocation).isTrue();
        }
        for (Revocation revocation : sparing) {
            assertThat(RevocationRegistry.refuses(revocation, CLAIMS)).as("%s", revocation).isFalse();
            assertThat(registryOf(revocation).isRevoked(CLAIMS)).as("a registry holding %s", revocation).isFalse();
        }
    }

    private static RevocationRegistry registryOf(Revocation revocation) {
        RevocationRegistry registry = new RevocationRegistry(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(30));
        registry.accept(revocation);
        return registry;
    }
}

package dev.inkan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.domain.InvalidTokenException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenPolicyTest {

    private static final Duration LEEWAY = Duration.ofSeconds(30);
    private static final Instant IAT = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant EXP = IAT.plus(Duration.ofMinutes(15));
    private final TokenPolicy policy = new TokenPolicy("inkan", "api", Duration.ofMinutes(15), Duration.ofDays(7), LEEWAY);

    @Test
    void refreshTokens_slideForward_butNeverPastTheSessionsAbsoluteLifetime() {
        TokenPolicy month = new TokenPolicy("inkan", "api", Duration.ofMinutes(15), Duration.ofDays(7), LEEWAY,
                Duration.ofDays(30));
        Instant login = IAT;

        assertThat(month.refreshExpiry(login, login)).isEqualTo(login.plus(Duration.ofDays(7)));
        assertThat(month.refreshExpiry(login.plus(Duration.ofDays(20)), login)).isEqualTo(login.plus(Duration.ofDays(27)));
        assertThat(month.refreshExpiry(login.plus(Duration.ofDays(25)), login)).isEqualTo(login.plus(Duration.ofDays(30)));
        assertThat(month.sessionEndsAt(login)).isEqualTo(login.plus(Duration.ofDays(30)));
        assertThat(policy.sessionMaxLifetime()).isEqualTo(TokenPolicy.DEFAULT_SESSION_MAX_LIFETIME);
    }

    @Test
    void aSessionLifetime_isWholeSecondsAndPositive() {
        assertThatThrownBy(() -> new TokenPolicy("inkan", "api", Duration.ofMinutes(15), Duration.ofDays(7), LEEWAY,
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenPolicy("inkan", "api", Duration.ofMinutes(15), Duration.ofDays(7), LEEWAY,
                Duration.ofMillis(1500))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expiry_isForgivenForExactlyTheLeeway() {
        AccessTokenClaims claims = claims("inkan", List.of("api"), IAT, Optional.empty());

        assertThatCode(() -> policy.check(claims, EXP.plus(LEEWAY).minusMillis(1))).doesNotThrowAnyException();
        assertRefused(claims, EXP.plus(LEEWAY), Reason.EXPIRED);
    }

    @Test
    void notBefore_isForgivenForExactlyTheLeeway() {
        Instant nbf = IAT.plusSeconds(120);
        AccessTokenClaims claims = claims("inkan", List.of("api"), IAT, Optional.of(nbf));

        assertThatCode(() -> policy.check(claims, nbf.minus(LEEWAY))).doesNotThrowAnyException();
        assertRefused(claims, nbf.minus(LEEWAY).minusMillis(1), Reason.NOT_YET_VALID);
    }

    @Test
    void issuedInTheFuture_isRefusedBeyondTheLeeway() {
        AccessTokenClaims claims = claims("inkan", List.of("api"), IAT, Optional.empty());

        assertThatCode(() -> policy.check(claims, IAT.minus(LEEWAY))).doesNotThrowAnyException();
        assertRefused(claims, IAT.minus(LEEWAY).minusMillis(1), Reason.ISSUED_IN_FUTURE);
    }

    @Test
    void issuerAndAudience_mustBeOurs_anAudienceArrayMayHoldOthers() {
        assertRefused(claims("evil", List.of("api"), IAT, Optional.empty()), IAT, Reason.WRONG_ISSUER);
        assertRefused(claims("inkan", List.of("other"), IAT, Optional.empty()), IAT, Reason.WRONG_AUDIENCE);
        assertRefused(claims("inkan", List.of("API"), IAT, Optional.empty()), IAT, Reason.WRONG_AUDIENCE);
        assertThatCode(() -> policy.check(claims("inkan", List.of("billing", "api"), IAT, Optional.empty()), IAT))
                .doesNotThrowAnyException();
    }

    @Test
    void newClaims_haveWholeSecondsAndTheConfiguredLifetime() {
        AccessTokenClaims claims = policy.newAccessClaims(new UserId(UUID.randomUUID()), new SessionId(UUID.randomUUID()),
                "jti", IAT.plusMillis(999));

        assertThat(claims.issuedAt()).isEqualTo(IAT);
        assertThat(claims.expiresAt()).isEqualTo(EXP);
        assertThat(claims.audience()).containsExactly("api");
        assertThat(claims.issuer()).isEqualTo("inkan");
    }

    @Test
    void aPolicyThatCannotWork_isRefused() {
        assertThatThrownBy(() -> new TokenPolicy(" ", "api", Duration.ofMinutes(1), Duration.ofDays(1), LEEWAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenPolicy("inkan", "", Duration.ofMinutes(1), Duration.ofDays(1), LEEWAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenPolicy("inkan", "api", Duration.ZERO, Duration.ofDays(1), LEEWAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenPolicy("inkan", "api", Duration.ofMillis(1500), Duration.ofDays(1), LEEWAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenPolicy("inkan", "api", Duration.ofMinutes(1), Duration.ofDays(1), Duration.ofMinutes(6)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenPolicy("inkan", "api", Duration.ofMinutes(1), Duration.ofDays(1), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertRefused(AccessTokenClaims claims, Instant now, Reason reason) {
        assertThatThrownBy(() -> policy.check(claims, now))
                .isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static AccessTokenClaims claims(String issuer, List<String> audience, Instant issuedAt, Optional<Instant> notBefore) {
        return new AccessTokenClaims(issuer, new UserId(UUID.randomUUID()), audience, issuedAt, issuedAt.plus(Duration.ofMinutes(15)),
                notBefore, "jti", new SessionId(UUID.randomUUID()));
    }
}

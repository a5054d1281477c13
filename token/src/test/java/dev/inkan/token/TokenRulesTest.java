package dev.inkan.token;

import static dev.inkan.token.Fixtures.LEEWAY;
import static dev.inkan.token.Fixtures.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.token.TokenException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The time window, issuer and audience, at their boundaries: checked directly and through a whole verify. */
class TokenRulesTest {

    private static final Instant IAT = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant EXP = IAT.plus(Duration.ofMinutes(15));
    private final TokenRules rules = new TokenRules("inkan", "api", LEEWAY);
    private final TokenFormat format = new TokenFormat(List.of(Fixtures.key("k1")), rules);

    @Test
    void expiry_isForgivenForExactlyTheLeeway() {
        TokenClaims claims = claims("inkan", List.of("api"), IAT, Optional.empty());

        assertAccepted(claims, EXP.plus(LEEWAY).minusMillis(1));
        assertAccepted(claims, EXP.plus(LEEWAY).minusSeconds(1));
        assertRefusedAt(claims, EXP.plus(LEEWAY), Reason.EXPIRED);
        assertRefusedAt(claims, EXP.plus(LEEWAY).plusNanos(1), Reason.EXPIRED);
    }

    @Test
    void notBefore_isForgivenForExactlyTheLeeway() {
        Instant nbf = IAT.plusSeconds(120);
        TokenClaims claims = claims("inkan", List.of("api"), IAT, Optional.of(nbf));

        assertAccepted(claims, nbf.minus(LEEWAY));
        assertRefusedAt(claims, nbf.minus(LEEWAY).minusMillis(1), Reason.NOT_YET_VALID);
        assertRefusedAt(claims, nbf.minus(LEEWAY).minusNanos(1), Reason.NOT_YET_VALID);
    }

    @Test
    void issuedInTheFuture_isRefusedBeyondTheLeeway() {
        TokenClaims claims = claims("inkan", List.of("api"), IAT, Optional.empty());

        assertAccepted(claims, IAT.minus(LEEWAY));
        assertAccepted(claims, IAT.minus(LEEWAY).plusNanos(1));
        assertRefusedAt(claims, IAT.minus(LEEWAY).minusMillis(1), Reason.ISSUED_IN_FUTURE);
        assertRefusedAt(claims, IAT.minus(LEEWAY).minusNanos(1), Reason.ISSUED_IN_FUTURE);
    }

    @Test
    void withoutLeeway_theBoundariesAreTheClaimsThemselves() {
        TokenRules strict = new TokenRules("inkan", "api", Duration.ZERO);
        TokenClaims claims = claims("inkan", List.of("api"), IAT, Optional.of(IAT));

        assertThatCode(() -> strict.check(claims, IAT)).doesNotThrowAnyException();
        assertThatCode(() -> strict.check(claims, EXP.minusNanos(1))).doesNotThrowAnyException();
        assertRefused(() -> strict.check(claims, EXP), Reason.EXPIRED);
        assertRefused(() -> strict.check(claims, IAT.minusNanos(1)), Reason.NOT_YET_VALID);
    }

    @Test
    void issuerAndAudience_mustBeOurs_anAudienceArrayMayHoldOthers() {
        assertRefusedAt(claims("evil", List.of("api"), IAT, Optional.empty()), IAT, Reason.WRONG_ISSUER);
        assertRefusedAt(claims("Inkan", List.of("api"), IAT, Optional.empty()), IAT, Reason.WRONG_ISSUER);
        assertRefusedAt(claims("inkan", List.of("other"), IAT, Optional.empty()), IAT, Reason.WRONG_AUDIENCE);
        assertRefusedAt(claims("inkan", List.of("API"), IAT, Optional.empty()), IAT, Reason.WRONG_AUDIENCE);
        assertAccepted(claims("inkan", List.of("billing", "api"), IAT, Optional.empty()), IAT);
    }

    @Test
    void theTimeIsCheckedFirst_thenTheIssuer_thenTheAudience() {
        TokenClaims everythingWrong = claims("evil", List.of("other"), IAT, Optional.empty());

        assertRefusedAt(everythingWrong, EXP.plus(LEEWAY), Reason.EXPIRED);
        assertRefusedAt(everythingWrong, IAT, Reason.WRONG_ISSUER);
    }

    @Test
    void rulesThatCannotWork_areRefused() {
        assertThatThrownBy(() -> new TokenRules(" ", "api", LEEWAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenRules(null, "api", LEEWAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenRules("inkan", "", LEEWAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenRules("inkan", "api", Duration.ofMinutes(5).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenRules("inkan", "api", Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenRules("inkan", "api", Duration.ofMillis(1500))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenRules("inkan", "api", null)).isInstanceOf(NullPointerException.class);
        assertThatCode(() -> new TokenRules("inkan", "api", TokenRules.MAX_LEEWAY)).doesNotThrowAnyException();
        assertThatCode(() -> new TokenRules("inkan", "api", Duration.ZERO)).doesNotThrowAnyException();
    }

    /** Accepted by the rules, and by a whole verify of the signed claims. */
    private void assertAccepted(TokenClaims claims, Instant now) {
        assertThatCode(() -> rules.check(claims, now)).doesNotThrowAnyException();
        assertThat(format.verify(format.sign(claims), now)).isEqualTo(claims);
    }

    private void assertRefusedAt(TokenClaims claims, Instant now, Reason reason) {
        assertRefused(() -> rules.check(claims, now), reason);
        assertRefused(() -> format.verify(format.sign(claims), now), reason);
    }

    private static TokenClaims claims(String issuer, List<String> audience, Instant issuedAt, Optional<Instant> notBefore) {
        return new TokenClaims(issuer, UUID.randomUUID(), audience, issuedAt, issuedAt.plus(Duration.ofMinutes(15)), notBefore,
                "jti", UUID.randomUUID());
    }
}

package dev.inkan.token;

import static dev.inkan.token.Fixtures.NOW;
import static dev.inkan.token.Fixtures.RULES;
import static dev.inkan.token.Fixtures.assertRefused;
import static dev.inkan.token.Fixtures.b64;
import static dev.inkan.token.Fixtures.claims;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.token.TokenException.Reason;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A token presented again and again is read twice, then not again, and that skips only the reading: its signature is
 * verified and its time window, issuer and audience are checked each time, and only the very payload
 * of a token that verified is taken.
 */
class KnownPayloadsTest {

    private final JwsKey key = Fixtures.key("k1");
    private final TokenFormat format = new TokenFormat(List.of(key), RULES);
    private final String token = format.sign(claims());
    private final String[] parts = token.split("\\.");

    @Test
    void aTokenPresentedAgainAndAgain_isReadTwice_andThenGivesTheClaimsReadTheSecondTime() {
        TokenClaims first = format.verify(token, NOW);
        TokenClaims second = format.verify(token, NOW);

        assertThat(second).isNotSameAs(first);
        assertThat(format.verify(token, NOW)).isSameAs(second).isEqualTo(claims());
        assertThat(format.verify(token, NOW)).isSameAs(second);
    }

    /** Verifies the token until its claims are kept. */
    private void presentTwice() {
        format.verify(token, NOW);
        format.verify(token, NOW);
    }

    @Test
    void aKnownPayload_underAForgedSignature_isRefused_evenInTheSlotOfTheTokenItCameWith() {
        presentTwice();
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length - 1] ^= 1; // the first bytes, which choose the slot, stay

        assertRefused(() -> format.verify(parts[0] + "." + parts[1] + "." + b64(signature), NOW), Reason.BAD_SIGNATURE);
    }

    @Test
    void anotherPayload_underAKnownTokensSignature_isReadAndRefused() {
        presentTwice();
        String otherPayload = b64(ClaimsWriter.write(claims(List.of("admin"), 1, Map.of())));

        assertRefused(() -> format.verify(parts[0] + "." + otherPayload + "." + parts[2], NOW), Reason.BAD_SIGNATURE);
        assertRefused(() -> format.verify(parts[0] + "." + parts[1] + "=." + parts[2], NOW), Reason.MALFORMED);
    }

    @Test
    void aKnownToken_isStillCheckedAgainstTheClockAndTheRules_eachTime() {
        presentTwice();
        TokenFormat otherAudience = new TokenFormat(List.of(key), new TokenRules("inkan", "billing", RULES.leeway()));

        assertRefused(() -> format.verify(token, NOW.plus(Duration.ofMinutes(16))), Reason.EXPIRED);
        assertRefused(() -> format.verify(token, NOW.minus(Duration.ofMinutes(1))), Reason.ISSUED_IN_FUTURE);
        assertRefused(() -> otherAudience.verify(token, NOW), Reason.WRONG_AUDIENCE);
        assertThat(format.verify(token, NOW)).isEqualTo(claims());
    }

    @Test
    void aKnownToken_isRefused_byAFormatWithoutItsKey() {
        presentTwice();
        TokenFormat rotated = new TokenFormat(List.of(Fixtures.key("k2")), RULES);

        assertRefused(() -> rotated.verify(token, NOW), Reason.UNKNOWN_KEY);
        JwsKey sameIdOtherSecret = JwsKey.hmac("k1", JwsAlgorithm.HS256, Fixtures.mac("k2", JwsAlgorithm.HS256));
        assertRefused(() -> new TokenFormat(List.of(sameIdOtherSecret), RULES).verify(token, NOW), Reason.BAD_SIGNATURE);
    }

    @Test
    void aRefusedToken_isNotKept_soItsPayloadIsReadAgainAndRefusedAgain() {
        String badClaims = Fixtures.signed(key, "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}", "{\"iss\":\"inkan\"}");

        assertRefused(() -> format.verify(badClaims, NOW), Reason.MALFORMED_CLAIMS);
        assertRefused(() -> format.verify(badClaims, NOW), Reason.MALFORMED_CLAIMS);
    }

    @Test
    void aTokenOverTheSizeKept_isReadEachTime_soTheSlotsStaySmall() {
        TokenClaims large = claims(List.of(), 0, Map.of("note", "x".repeat(KnownPayloads.MAX_TOKEN)));
        String longToken = format.sign(large);

        format.verify(longToken, NOW);
        TokenClaims second = format.verify(longToken, NOW);

        assertThat(format.verify(longToken, NOW)).isEqualTo(large).isNotSameAs(second);
    }

    @Test
    void manyTokens_eachVerifyToTheirOwnClaims_whateverSlotsTheyShare() {
        for (int i = 0; i < 3 * KnownPayloads.SLOTS; i++) {
            TokenClaims claims = claims(List.of("role" + i), i, Map.of());
            String next = format.sign(claims);
            for (int time = 0; time < 3; time++) {
                assertThat(format.verify(next, NOW)).isEqualTo(claims);
            }
        }
        assertThat(format.verify(token, NOW)).isEqualTo(claims());
    }
}

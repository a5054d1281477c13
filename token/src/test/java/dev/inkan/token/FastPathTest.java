package dev.inkan.token;

import static dev.inkan.token.Fixtures.NOW;
import static dev.inkan.token.Fixtures.SESSION;
import static dev.inkan.token.Fixtures.USER;
import static dev.inkan.token.Fixtures.claims;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The claims fast path only skips work: where it answers, the general path gives the same claims; elsewhere it stands aside. */
class FastPathTest {

    private final ClaimsReader reader = new ClaimsReader(Fixtures.RULES);

    @Test
    void onClaimsInkanWrote_theFastPathAnswers_asTheGeneralPathDoes() {
        Random random = new Random(7519);
        for (int i = 0; i < 2_000; i++) {
            Instant iat = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE) * (i % 2 == 0 ? 1L : 100L));
            TokenClaims claims = new TokenClaims("inkan", new UUID(random.nextLong(), random.nextLong()), List.of("inkan"), iat,
                    iat.plusSeconds(random.nextInt(100_000)), Optional.empty(), UUID.randomUUID().toString().substring(random.nextInt(36)) + "j",
                    new UUID(random.nextLong(), random.nextLong()));
            byte[] json = ClaimsWriter.write(claims);

            assertThat(reader.ownLayout(json)).contains(claims);
            assertThat(reader.anyLayout(json)).isEqualTo(claims);
        }
    }

    @Test
    void theFastPath_reusesTheRulesIssuerAndAudience() {
        TokenClaims read = reader.ownLayout(ClaimsWriter.write(claims())).orElseThrow();

        assertThat(read.issuer()).isSameAs(Fixtures.RULES.issuer());
        assertThat(read.audience().get(0)).isSameAs(Fixtures.RULES.audience());
    }

    @Test
    void anythingElse_goesToTheGeneralPath_whichReadsItAsJsonMeansIt() {
        String own = new String(ClaimsWriter.write(claims()), StandardCharsets.UTF_8);
        List<String> others = List.of(
                own.replace("\"iss\":\"inkan\"", "\"iss\":\"ink\\u0061n\""),
                own.replace("{", "{ "),
                own + " ",
                own.replace("\"aud\":\"inkan\"", "\"aud\":[\"inkan\"]"),
                own.replace(",\"jti\"", ",\"nbf\":1,\"jti\""),
                own.replace(",\"jti\"", ",\"x\":1,\"jti\""),
                own.replace(USER.toString(), USER.toString().toUpperCase()),
                own.replace("\"jti\":\"jti-1\"", "\"jti\":\"jti\\u002d1\""),
                own.replace(",\"sub\":\"" + USER + "\"", "") + "",
                own.replace("\"iss\":\"inkan\"", "\"iss\":\"other\""),
                own.replace("\"aud\":\"inkan\"", "\"aud\":\"inkanx\""),
                own.replace("\"aud\":\"inkan\"", "\"aud\":\"inka\""));

        for (String json : others) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            Object general = outcome(() -> reader.anyLayout(bytes));
            if (reader.ownLayout(bytes).isPresent()) {
                assertThat(reader.ownLayout(bytes)).as(json).contains((TokenClaims) general);
            } else {
                assertThat(outcome(() -> reader.read(bytes))).as(json).isEqualTo(general);
            }
        }
        assertThat(reader.ownLayout(others.get(6).getBytes(StandardCharsets.UTF_8))).as("upper-case hex is canonical too").isPresent();
        assertThat(reader.read(others.get(0).getBytes(StandardCharsets.UTF_8))).isEqualTo(claims());
        assertThat(reader.read(others.get(9).getBytes(StandardCharsets.UTF_8)).issuer()).isEqualTo("other");
    }

    @Test
    void anIssuerOrAudienceThatNeedsEscapes_isStillRecognised_byTheBytesTheWriterWrites() {
        TokenRules rules = new TokenRules("\u00e9\"q\\\u0001\ud83d\ude00", "a/b\n", Duration.ZERO);
        ClaimsReader unusual = new ClaimsReader(rules);
        TokenClaims claims = new TokenClaims(rules.issuer(), USER, List.of(rules.audience()), NOW, NOW.plusSeconds(9), Optional.empty(),
                "j", SESSION);
        byte[] json = ClaimsWriter.write(claims);

        assertThat(unusual.ownLayout(json)).contains(claims);
        assertThat(unusual.anyLayout(json)).isEqualTo(claims);
        assertThat(reader.ownLayout(json)).isEmpty();
        assertThat(reader.read(json)).isEqualTo(claims);
    }

    private static Object outcome(java.util.function.Supplier<TokenClaims> read) {
        try {
            return read.get();
        } catch (TokenException e) {
            return e.reason();
        }
    }
}

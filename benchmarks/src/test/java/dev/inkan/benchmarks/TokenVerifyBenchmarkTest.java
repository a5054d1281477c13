package dev.inkan.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.adapter.crypto.JcaMacAlgorithm;
import dev.inkan.application.tokens.AccessTokens;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.token.TokenRules;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The comparison is fair only if every verifier does a server's whole check: each accepts the good
 * token, and each refuses a bad signature, an expired token, another issuer and another audience.
 */
class TokenVerifyBenchmarkTest {

    private final TokenVerifyBenchmark benchmark = new TokenVerifyBenchmark();
    private Map<String, Callable<Object>> verifiers;

    @BeforeEach
    void setUp() throws Exception {
        benchmark.roles = TokenFixture.ROLES.size(); // the longer token; the verifiers read roles as an unknown claim
        benchmark.setUp();
        verifiers = Map.of(
                "inkanJca", benchmark::inkanJca,
                "inkanBouncyCastle", benchmark::inkanBouncyCastle,
                "jjwt", benchmark::jjwt,
                "nimbus", benchmark::nimbus,
                "auth0", benchmark::auth0,
                "jose4j", benchmark::jose4j);
    }

    @Test
    void everyVerifier_acceptsTheToken_andTheFloorMatchesItsSignature() throws Exception {
        for (Map.Entry<String, Callable<Object>> verifier : verifiers.entrySet()) {
            assertThat(verifier.getValue().call()).as(verifier.getKey()).isNotNull();
        }
        assertThat(benchmark.hmacFloor()).isTrue();
    }

    @Test
    void theFirstSightMethods_verifyAnotherGoodTokenEachTime() {
        Set<Object> tokenIds = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            tokenIds.add(((AccessTokenClaims) benchmark.inkanJcaFirstSight()).tokenId());
            tokenIds.add(((AccessTokenClaims) benchmark.inkanBouncyCastleFirstSight()).tokenId());
            assertThat(benchmark.hmacFloorFirstSight()).isTrue();
        }
        assertThat(tokenIds).hasSize(6);
    }

    @Test
    void everyVerifier_refusesABadSignature_anExpiredToken_anotherIssuer_andAnotherAudience() throws Exception {
        TokenFixture fixture = benchmark.fixture;
        String good = benchmark.token;
        char last = good.charAt(good.length() - 2);
        List<String> bad = List.of(
                good.substring(0, good.length() - 2) + (last == 'A' ? 'B' : 'A') + good.charAt(good.length() - 1),
                signed(fixture, TokenFixture.RULES, Instant.now().minus(Duration.ofHours(1))),
                signed(fixture, rules("someone-else", TokenFixture.AUDIENCE), Instant.now()),
                signed(fixture, rules(TokenFixture.ISSUER, "another-service"), Instant.now()));

        for (String token : bad) {
            benchmark.token = token;
            for (Map.Entry<String, Callable<Object>> verifier : verifiers.entrySet()) {
                assertThatThrownBy(verifier.getValue()::call).as(verifier.getKey() + " on " + token).isInstanceOf(Exception.class);
            }
        }
        benchmark.token = bad.get(0);
        assertThat(benchmark.hmacFloor()).isFalse();
    }

    private static TokenRules rules(String issuer, String audience) {
        return new TokenRules(issuer, audience, Duration.ofSeconds(30));
    }

    private static String signed(TokenFixture fixture, TokenRules rules, Instant issuedAt) {
        AccessTokens tokens = fixture.tokens(new JcaMacAlgorithm(), rules);
        return tokens.sign(tokens.claimsFor(fixture.user, fixture.session, UUID.randomUUID().toString(), Map.of(), issuedAt));
    }
}

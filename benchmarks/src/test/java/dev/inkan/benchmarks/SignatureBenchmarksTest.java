package dev.inkan.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.adapter.crypto.JcaSignatureAlgorithm;
import dev.inkan.application.tokens.AccessTokens;
import dev.inkan.token.TokenRules;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The signature benchmarks compare fairly only if every verifier does a server's whole check and
 * every issuer makes a token the others accept: each verifier accepts the good token and refuses a
 * bad signature, an expired token, another issuer and another audience; each issued token verifies
 * with the JDK's bare signature check and with Inkan's verifier.
 */
class SignatureBenchmarksTest {

    @ParameterizedTest
    @ValueSource(strings = {"EdDSA", "ES256"})
    void everyVerifier_acceptsTheToken_andRefusesABadSignatureAnExpiredTokenAnotherIssuerAndAnotherAudience(String alg)
            throws Exception {
        SignatureVerifyBenchmark benchmark = new SignatureVerifyBenchmark();
        benchmark.alg = alg;
        benchmark.setUp();
        Map<String, Callable<Object>> verifiers = Map.of(
                "inkanJca", benchmark::inkanJca,
                "inkanBouncyCastle", benchmark::inkanBouncyCastle,
                "jjwt", benchmark::jjwt,
                "nimbus", benchmark::nimbus,
                "jose4j", benchmark::jose4j);
        for (Map.Entry<String, Callable<Object>> verifier : verifiers.entrySet()) {
            assertThat(verifier.getValue().call()).as(verifier.getKey()).isNotNull();
        }
        assertThat(benchmark.jcaFloor()).isTrue();
        assertThat(benchmark.inkanWithoutSignature()).as("the token work alone").isNotNull();

        SignatureFixture fixture = benchmark.fixture;
        String good = benchmark.token;
        char last = good.charAt(good.length() - 2);
        List<String> bad = List.of(
                good.substring(0, good.length() - 2) + (last == 'A' ? 'B' : 'A') + good.charAt(good.length() - 1),
                signed(fixture, TokenFixture.RULES, Instant.now().minus(Duration.ofHours(1))),
                signed(fixture, new TokenRules("someone-else", TokenFixture.AUDIENCE, Duration.ofSeconds(30)), Instant.now()),
                signed(fixture, new TokenRules(TokenFixture.ISSUER, "another-service", Duration.ofSeconds(30)), Instant.now()));
        for (String token : bad) {
            benchmark.token = token;
            for (Map.Entry<String, Callable<Object>> verifier : verifiers.entrySet()) {
                assertThatThrownBy(verifier.getValue()::call).as(verifier.getKey() + " on " + token).isInstanceOf(Exception.class);
            }
        }
        benchmark.token = bad.get(0);
        assertThat(benchmark.jcaFloor()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"EdDSA", "ES256"})
    void everyIssuer_makesATokenThatTheBareSignatureCheck_andInkan_accept(String alg) throws Exception {
        SignatureIssueBenchmark benchmark = new SignatureIssueBenchmark();
        benchmark.alg = alg;
        benchmark.setUp();
        SignatureFixture fixture = benchmark.fixture;
        Map<String, Callable<String>> issuers = Map.of(
                "inkanJca", benchmark::inkanJca,
                "inkanBouncyCastle", benchmark::inkanBouncyCastle,
                "jjwt", benchmark::jjwt,
                "nimbus", benchmark::nimbus,
                "jose4j", benchmark::jose4j);
        for (Map.Entry<String, Callable<String>> issuer : issuers.entrySet()) {
            String token = issuer.getValue().call();
            assertThat(verifies(fixture, token)).as(issuer.getKey()).isTrue();
            assertThat(TokenFixture.verifier(fixture.jcaTokens).verify(token).subject()).as(issuer.getKey()).isEqualTo(fixture.user.id());
        }
        assertThat(benchmark.inkanWithoutSignature().split("\\.")).as("the token work alone").hasSize(3);
        String floorSignature = benchmark.jcaFloor();
        assertThat(Base64.getUrlDecoder().decode(floorSignature)).hasSize(64);
    }

    private static boolean verifies(SignatureFixture fixture, String token) throws Exception {
        int dot = token.lastIndexOf('.');
        Signature verifier = Signature.getInstance(fixture.jcaName());
        verifier.initVerify(fixture.publicKey);
        verifier.update(token.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(Base64.getUrlDecoder().decode(token.substring(dot + 1)));
    }

    private static String signed(SignatureFixture fixture, TokenRules rules, Instant issuedAt) {
        AccessTokens tokens = fixture.tokens(new JcaSignatureAlgorithm(), rules);
        return tokens.sign(tokens.claimsFor(fixture.user, fixture.session, UUID.randomUUID().toString(), Map.of(), issuedAt));
    }
}

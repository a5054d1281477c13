package dev.inkan.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verifying one HS256 access token as a server does: signature, {@code exp}, {@code iss} and
 * {@code aud}. Every verifier object is built once. Most methods verify the same token again and
 * again, as a client presents its token on every request of the token's lifetime; the
 * {@code …FirstSight} ones verify each time one of {@link #FIRST_SIGHT_TOKENS} tokens in turn, far
 * more than Inkan keeps the claims of, so that each is read as a token seen for the first time. The
 * floor is the HMAC alone: JCA HMAC-SHA256 over the signing input, base64url decoding of the
 * signature and a constant-time compare, no JSON.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class TokenVerifyBenchmark {

    /** How many roles the token carries: none, or three (as issue 13 measures it). */
    @Param({"0", "3"})
    int roles;

    TokenFixture fixture;
    /** The token every method verifies; the tests swap in bad ones to see each verifier refuse them. */
    String token;
    private dev.inkan.application.port.in.VerifyAccessTokenUseCase inkanJca;
    private dev.inkan.application.port.in.VerifyAccessTokenUseCase inkanBouncyCastle;
    private JwtParser jjwt;
    private DefaultJWTProcessor<SecurityContext> nimbus;
    private JWTVerifier auth0;
    private JwtConsumer jose4j;
    private Mac floorMac;
    /** A power of two, many times the claims Inkan keeps. */
    static final int FIRST_SIGHT_TOKENS = 16_384;
    private String[] firstSight;
    private int next;

    @Setup
    public void setUp() throws Exception {
        fixture = new TokenFixture(roles);
        token = fixture.token;
        inkanJca = TokenFixture.verifier(fixture.jcaTokens);
        inkanBouncyCastle = TokenFixture.verifier(fixture.bouncyCastleTokens);

        jjwt = Jwts.parser().verifyWith(Keys.hmacShaKeyFor(fixture.key))
                .requireIssuer(TokenFixture.ISSUER).requireAudience(TokenFixture.AUDIENCE)
                .clockSkewSeconds(30).build();

        nimbus = new DefaultJWTProcessor<>();
        String kid = SignedJWT.parse(token).getHeader().getKeyID();
        nimbus.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableJWKSet<>(
                new JWKSet(new OctetSequenceKey.Builder(fixture.key).keyID(kid).algorithm(JWSAlgorithm.HS256).build()))));
        nimbus.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(TokenFixture.AUDIENCE,
                new JWTClaimsSet.Builder().issuer(TokenFixture.ISSUER).build(), Set.of("exp", "sub", "iat")));

        auth0 = JWT.require(Algorithm.HMAC256(fixture.key)).withIssuer(TokenFixture.ISSUER)
                .withAudience(TokenFixture.AUDIENCE).acceptLeeway(30).build();

        jose4j = new JwtConsumerBuilder().setRequireExpirationTime().setAllowedClockSkewInSeconds(30)
                .setExpectedIssuer(TokenFixture.ISSUER).setExpectedAudience(TokenFixture.AUDIENCE)
                .setVerificationKey(new HmacKey(fixture.key))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .build();

        floorMac = fixture.floorMac();
        firstSight = new String[FIRST_SIGHT_TOKENS];
        for (int i = 0; i < firstSight.length; i++) {
            firstSight[i] = fixture.newToken();
        }
    }

    private String nextFirstSight() {
        return firstSight[next++ & (FIRST_SIGHT_TOKENS - 1)];
    }

    @Benchmark
    public Object inkanJca() {
        return inkanJca.verify(token);
    }

    @Benchmark
    public Object inkanJcaFirstSight() {
        return inkanJca.verify(nextFirstSight());
    }

    @Benchmark
    public Object inkanBouncyCastleFirstSight() {
        return inkanBouncyCastle.verify(nextFirstSight());
    }

    @Benchmark
    public Object inkanBouncyCastle() {
        return inkanBouncyCastle.verify(token);
    }

    @Benchmark
    public Object jjwt() {
        return jjwt.parseSignedClaims(token);
    }

    @Benchmark
    public Object nimbus() throws Exception {
        return nimbus.process(token, null);
    }

    @Benchmark
    public Object auth0() {
        return auth0.verify(token);
    }

    @Benchmark
    public Object jose4j() throws Exception {
        return jose4j.processToClaims(token);
    }

    /** The floor: the MAC and nothing else a verifier could skip. */
    @Benchmark
    public boolean hmacFloor() {
        return TokenFixture.hmacFloor(floorMac, token);
    }

    /** The floor over the tokens of the {@code …FirstSight} methods, in the same turn. */
    @Benchmark
    public boolean hmacFloorFirstSight() {
        return TokenFixture.hmacFloor(floorMac, nextFirstSight());
    }
}

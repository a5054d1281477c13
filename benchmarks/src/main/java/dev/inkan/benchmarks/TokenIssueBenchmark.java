package dev.inkan.benchmarks;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
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
 * Issuing one HS256 access token with the same header ({@code alg}, {@code typ}, {@code kid}) and
 * claims ({@code iss}, {@code sub}, {@code aud}, {@code iat}, {@code exp}, {@code jti}, {@code sid}),
 * a different {@code jti} each time, taken from a pool made in setup: drawing random UUIDs (about
 * 200 ns) is the same work for every library and not part of making a token. The floor is the HMAC
 * of a prepared signing input and its base64url encoding, no JSON.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class TokenIssueBenchmark {

    /** How many roles the token carries: none, or three (as issue 13 measures it). */
    @Param({"0", "3"})
    int roles;

    private TokenFixture fixture;
    private String kid;
    private SecretKey jjwtKey;
    private MACSigner nimbusSigner;
    private Algorithm auth0;
    private HmacKey jose4jKey;
    private Mac floorMac;
    private byte[] signingInput;
    private final String[] jtis = new String[1024];
    private int nextJti;

    @Setup
    public void setUp() throws Exception {
        fixture = new TokenFixture(roles);
        String header = new String(Base64.getUrlDecoder().decode(fixture.token.substring(0, fixture.token.indexOf('.'))),
                StandardCharsets.UTF_8);
        kid = header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
        jjwtKey = Keys.hmacShaKeyFor(fixture.key);
        nimbusSigner = new MACSigner(fixture.key);
        auth0 = Algorithm.HMAC256(fixture.key);
        jose4jKey = new HmacKey(fixture.key);
        floorMac = fixture.floorMac();
        for (int i = 0; i < jtis.length; i++) {
            jtis[i] = UUID.randomUUID().toString();
        }
        signingInput = fixture.token.substring(0, fixture.token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public String inkanJca() {
        return fixture.jcaTokens.sign(fixture.jcaTokens.claimsFor(fixture.user, fixture.session,
                jti(), Map.of(), TokenFixture.CLOCK.instant()));
    }

    @Benchmark
    public String inkanBouncyCastle() {
        return fixture.bouncyCastleTokens.sign(fixture.bouncyCastleTokens.claimsFor(fixture.user, fixture.session,
                jti(), Map.of(), TokenFixture.CLOCK.instant()));
    }

    @Benchmark
    public String jjwt() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return Jwts.builder().header().keyId(kid).type("JWT").and()
                .issuer(TokenFixture.ISSUER).subject(fixture.user.id().toString()).audience().add(TokenFixture.AUDIENCE).and()
                .issuedAt(Date.from(now)).expiration(Date.from(now.plusSeconds(900)))
                .id(jti()).claim("sid", fixture.session.toString())
                .claim("rv", fixture.user.rolesVersion()).claim("roles", fixture.user.roleNames())
                .signWith(jjwtKey, Jwts.SIG.HS256).compact();
    }

    @Benchmark
    public String nimbus() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID(kid).build(),
                new JWTClaimsSet.Builder().issuer(TokenFixture.ISSUER).subject(fixture.user.id().toString())
                        .audience(TokenFixture.AUDIENCE).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(900)))
                        .jwtID(jti()).claim("sid", fixture.session.toString())
                        .claim("rv", fixture.user.rolesVersion()).claim("roles", fixture.user.roleNames()).build());
        jwt.sign(nimbusSigner);
        return jwt.serialize();
    }

    @Benchmark
    public String auth0() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return JWT.create().withKeyId(kid).withIssuer(TokenFixture.ISSUER).withSubject(fixture.user.id().toString())
                .withAudience(TokenFixture.AUDIENCE).withIssuedAt(now).withExpiresAt(now.plusSeconds(900))
                .withJWTId(jti()).withClaim("sid", fixture.session.toString())
                .withClaim("rv", fixture.user.rolesVersion()).withClaim("roles", fixture.user.roleNames()).sign(auth0);
    }

    @Benchmark
    public String jose4j() throws Exception {
        JwtClaims claims = new JwtClaims();
        long now = Instant.now().getEpochSecond();
        claims.setIssuer(TokenFixture.ISSUER);
        claims.setSubject(fixture.user.id().toString());
        claims.setAudience(TokenFixture.AUDIENCE);
        claims.setIssuedAt(NumericDate.fromSeconds(now));
        claims.setExpirationTime(NumericDate.fromSeconds(now + 900));
        claims.setJwtId(jti());
        claims.setClaim("sid", fixture.session.toString());
        claims.setClaim("rv", fixture.user.rolesVersion());
        claims.setStringListClaim("roles", fixture.user.roleNames());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(jose4jKey);
        jws.setKeyIdHeaderValue(kid);
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        return jws.getCompactSerialization();
    }

    private String jti() {
        return jtis[nextJti++ & (jtis.length - 1)];
    }

    /** The floor: the MAC of a prepared signing input and its encoding. */
    @Benchmark
    public String hmacFloor() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(floorMac.doFinal(signingInput));
    }
}

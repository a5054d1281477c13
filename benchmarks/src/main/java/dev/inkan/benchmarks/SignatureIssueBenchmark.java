package dev.inkan.benchmarks;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.inkan.token.JwsAlgorithm;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
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
 * Issuing one EdDSA or ES256 access token with the same header and claims as
 * {@link TokenIssueBenchmark}, a different {@code jti} each time from a pool made in setup. The
 * floor is the JDK's {@code Signature.sign} alone over a prepared signing input (initialised once,
 * as Inkan's is), with the base64url encoding of the signature, and no JSON.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SignatureIssueBenchmark {

    @Param({"EdDSA", "ES256"})
    String alg;

    SignatureFixture fixture;
    private String kid;
    private JWSSigner nimbusSigner;
    private JWSAlgorithm nimbusAlgorithm;
    private SecureDigestAlgorithm<PrivateKey, PublicKey> jjwtAlgorithm;
    private Signature floor;
    private byte[] signingInput;
    private final String[] jtis = new String[1024];
    private int nextJti;

    @Setup
    public void setUp() throws Exception {
        fixture = new SignatureFixture(JwsAlgorithm.fromJwsName(alg).orElseThrow());
        kid = fixture.key.keyId();
        nimbusAlgorithm = JWSAlgorithm.parse(alg);
        nimbusSigner = fixture.algorithm == JwsAlgorithm.ES256 ? new ECDSASigner((ECPrivateKey) fixture.privateKey)
                : new Ed25519Signer(new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(fixture.key.publicKey().orElseThrow().x()))
                        .d(Base64URL.encode(fixture.key.secret())).keyID(kid).build());
        jjwtAlgorithm = fixture.algorithm == JwsAlgorithm.ES256 ? Jwts.SIG.ES256 : Jwts.SIG.EdDSA;
        floor = Signature.getInstance(fixture.jcaName());
        floor.initSign(fixture.privateKey);
        for (int i = 0; i < jtis.length; i++) {
            jtis[i] = UUID.randomUUID().toString();
        }
        signingInput = fixture.token.substring(0, fixture.token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public String inkanJca() {
        return fixture.jcaTokens.sign(fixture.jcaTokens.claimsFor(fixture.user, fixture.session, jti(), Map.of(),
                TokenFixture.CLOCK.instant()));
    }

    @Benchmark
    public String inkanBouncyCastle() {
        return fixture.bouncyCastleTokens.sign(fixture.bouncyCastleTokens.claimsFor(fixture.user, fixture.session, jti(), Map.of(),
                TokenFixture.CLOCK.instant()));
    }

    /** Everything Inkan's issue does but the signature, whose cost is the floor's: Inkan's share of {@link #inkanJca}. */
    @Benchmark
    public String inkanWithoutSignature() {
        return fixture.freeSignatureTokens.sign(fixture.freeSignatureTokens.claimsFor(fixture.user, fixture.session, jti(), Map.of(),
                TokenFixture.CLOCK.instant()));
    }

    @Benchmark
    public String jjwt() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return Jwts.builder().header().keyId(kid).type("JWT").and()
                .issuer(TokenFixture.ISSUER).subject(fixture.user.id().toString()).audience().add(TokenFixture.AUDIENCE).and()
                .issuedAt(Date.from(now)).expiration(Date.from(now.plusSeconds(900)))
                .id(jti()).claim("sid", fixture.session.toString())
                .claim("rv", fixture.user.rolesVersion()).claim("roles", fixture.user.roleNames())
                .signWith(fixture.privateKey, jjwtAlgorithm).compact();
    }

    @Benchmark
    public String nimbus() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(nimbusAlgorithm).type(JOSEObjectType.JWT).keyID(kid).build(),
                new JWTClaimsSet.Builder().issuer(TokenFixture.ISSUER).subject(fixture.user.id().toString())
                        .audience(TokenFixture.AUDIENCE).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(900)))
                        .jwtID(jti()).claim("sid", fixture.session.toString())
                        .claim("rv", fixture.user.rolesVersion()).claim("roles", fixture.user.roleNames()).build());
        jwt.sign(nimbusSigner);
        return jwt.serialize();
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
        jws.setKey(fixture.privateKey);
        jws.setKeyIdHeaderValue(kid);
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(SignatureVerifyBenchmark.jose4jAlgorithm(fixture.algorithm));
        return jws.getCompactSerialization();
    }

    private String jti() {
        return jtis[nextJti++ & (jtis.length - 1)];
    }

    /** The floor: the JDK's signature of a prepared signing input, and its encoding. */
    @Benchmark
    public String jcaFloor() throws GeneralSecurityException {
        floor.update(signingInput);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(floor.sign());
    }
}

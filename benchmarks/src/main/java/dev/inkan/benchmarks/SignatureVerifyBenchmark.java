package dev.inkan.benchmarks;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.inkan.application.port.in.VerifyAccessTokenUseCase;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.PublicJwk;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
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
 * Verifying one EdDSA or ES256 access token, cold, as a server does: signature, {@code exp},
 * {@code iss} and {@code aud}. Every verifier object is built once. The floor is the JDK's
 * {@code Signature.verify} alone, on the same signing input and signature bytes (initialised once,
 * as Inkan's are), with the base64url decoding of the signature, and no JSON.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class SignatureVerifyBenchmark {

    @Param({"EdDSA", "ES256"})
    String alg;

    SignatureFixture fixture;
    /** The token every method verifies; the tests swap in bad ones to see each verifier refuse them. */
    String token;
    private VerifyAccessTokenUseCase inkanJca;
    private VerifyAccessTokenUseCase inkanBouncyCastle;
    private VerifyAccessTokenUseCase inkanWithoutSignature;
    private JwtParser jjwt;
    private NimbusVerifier nimbus;
    private JwtConsumer jose4j;
    private Signature floor;

    @Setup
    public void setUp() throws Exception {
        fixture = new SignatureFixture(JwsAlgorithm.fromJwsName(alg).orElseThrow());
        token = fixture.token;
        inkanJca = TokenFixture.verifier(fixture.jcaTokens);
        inkanBouncyCastle = TokenFixture.verifier(fixture.bouncyCastleTokens);
        inkanWithoutSignature = TokenFixture.verifier(fixture.freeSignatureTokens);

        jjwt = Jwts.parser().verifyWith(fixture.publicKey)
                .requireIssuer(TokenFixture.ISSUER).requireAudience(TokenFixture.AUDIENCE)
                .clockSkewSeconds(30).build();

        JWSAlgorithm nimbusAlgorithm = JWSAlgorithm.parse(alg);
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(TokenFixture.AUDIENCE,
                new JWTClaimsSet.Builder().issuer(TokenFixture.ISSUER).build(), Set.of("exp", "sub", "iat"));
        PublicJwk publicJwk = fixture.key.publicKey().orElseThrow();
        if (fixture.algorithm == JwsAlgorithm.ES256) {
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(nimbusAlgorithm, new ImmutableJWKSet<>(
                    new JWKSet(new ECKey.Builder(Curve.P_256, (ECPublicKey) fixture.publicKey).keyID(publicJwk.keyId())
                            .algorithm(JWSAlgorithm.ES256).build()))));
            processor.setJWTClaimsSetVerifier(claims);
            nimbus = token -> processor.process(token, null);
        } else {
            // Nimbus's key selector turns JWKs into JCA keys, which it cannot for OKP: EdDSA goes through its Ed25519Verifier.
            Ed25519Verifier verifier = new Ed25519Verifier(new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(publicJwk.x()))
                    .keyID(publicJwk.keyId()).algorithm(JWSAlgorithm.EdDSA).build());
            nimbus = token -> {
                SignedJWT jwt = SignedJWT.parse(token);
                if (!jwt.getHeader().getAlgorithm().equals(JWSAlgorithm.EdDSA) || !jwt.verify(verifier)) {
                    throw new BadJOSEException("Signed JWT rejected: Invalid signature");
                }
                JWTClaimsSet set = jwt.getJWTClaimsSet();
                claims.verify(set, null);
                return set;
            };
        }

        jose4j = new JwtConsumerBuilder().setRequireExpirationTime().setAllowedClockSkewInSeconds(30)
                .setExpectedIssuer(TokenFixture.ISSUER).setExpectedAudience(TokenFixture.AUDIENCE)
                .setVerificationKey(fixture.publicKey)
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, jose4jAlgorithm(fixture.algorithm))
                .build();

        floor = Signature.getInstance(fixture.jcaName());
        floor.initVerify(fixture.publicKey);
    }

    static String jose4jAlgorithm(JwsAlgorithm algorithm) {
        return algorithm == JwsAlgorithm.ES256 ? AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256 : AlgorithmIdentifiers.EDDSA;
    }

    @Benchmark
    public Object inkanJca() {
        return inkanJca.verify(token);
    }

    @Benchmark
    public Object inkanBouncyCastle() {
        return inkanBouncyCastle.verify(token);
    }

    /** Everything Inkan's verify does but the signature check, whose cost is the floor's: Inkan's share of {@link #inkanJca}. */
    @Benchmark
    public Object inkanWithoutSignature() {
        return inkanWithoutSignature.verify(fixture.freeSignatureToken);
    }

    @Benchmark
    public Object jjwt() {
        return jjwt.parseSignedClaims(token);
    }

    @Benchmark
    public Object nimbus() throws Exception {
        return nimbus.process(token);
    }

    /** Nimbus's verification of a signed JWT: the processor for ES256, its parts for EdDSA. */
    @FunctionalInterface
    private interface NimbusVerifier {
        Object process(String token) throws Exception;
    }

    @Benchmark
    public Object jose4j() throws Exception {
        return jose4j.processToClaims(token);
    }

    /** The floor: the JDK's signature check and nothing else a verifier could skip. */
    @Benchmark
    public boolean jcaFloor() throws GeneralSecurityException {
        int dot = token.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        floor.update(token.getBytes(StandardCharsets.US_ASCII), 0, dot);
        return floor.verify(signature);
    }
}

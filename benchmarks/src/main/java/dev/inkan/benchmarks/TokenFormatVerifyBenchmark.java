package dev.inkan.benchmarks;

import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.JwsKey;
import dev.inkan.token.TokenClaims;
import dev.inkan.token.TokenFormat;
import dev.inkan.token.TokenRules;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Temporary, until the application verifies through {@code inkan-token}: the new module's
 * {@link TokenFormat#verify} (form, header, MAC in constant time, claims, time, issuer, audience; no
 * revocations, which stay in the application) with a JCA HMAC, one {@code javax.crypto.Mac} per
 * thread as {@code JcaMacAlgorithm} keeps them, against the same HMAC floor as
 * {@link TokenVerifyBenchmark}, on a token of the same layout and length (415 bytes with the thumbprint key id).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class TokenFormatVerifyBenchmark {

    String token;
    private TokenFormat format;
    private Mac floorMac;

    @Setup
    public void setUp() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        // The key id Inkan derives from a bare secret (its RFC 7638 thumbprint), so the header is as long as the server's.
        String keyId = dev.inkan.adapter.crypto.KeyRings.fromBase64UrlSecret(
                Base64.getUrlEncoder().withoutPadding().encodeToString(key), dev.inkan.domain.JwsAlgorithm.HS256).keys().get(0).keyId();
        format = new TokenFormat(List.of(JwsKey.hmac(keyId, JwsAlgorithm.HS256, jcaHmacSha256(key))),
                new TokenRules(TokenFixture.ISSUER, TokenFixture.AUDIENCE, TokenFixture.POLICY.leeway()));
        Instant now = TokenFixture.CLOCK.instant().truncatedTo(ChronoUnit.SECONDS);
        token = format.sign(new TokenClaims(TokenFixture.ISSUER, UUID.randomUUID(), List.of(TokenFixture.AUDIENCE), now,
                now.plus(TokenFixture.POLICY.accessTtl()), Optional.empty(), UUID.randomUUID().toString(), UUID.randomUUID()));
        int usual = new TokenFixture().token.length();
        if (token.length() != usual) {
            throw new IllegalStateException("the token has " + token.length() + " bytes, not the " + usual + " of TokenVerifyBenchmark");
        }
        floorMac = Mac.getInstance("HmacSHA256");
        floorMac.init(new SecretKeySpec(key, "HmacSHA256"));
    }

    /** HMAC-SHA256 through the JDK, one initialised {@code Mac} per thread, cloned from a prototype. */
    private static dev.inkan.token.Mac jcaHmacSha256(byte[] key) throws GeneralSecurityException {
        SecretKeySpec spec = new SecretKeySpec(key, "HmacSHA256");
        Mac prototype = Mac.getInstance("HmacSHA256");
        prototype.init(spec);
        ThreadLocal<Mac> perThread = ThreadLocal.withInitial(() -> {
            try {
                return (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        });
        return (input, offset, length) -> {
            Mac mac = perThread.get();
            mac.update(input, offset, length);
            return mac.doFinal();
        };
    }

    @Benchmark
    public Object tokenFormatJca() {
        return format.verify(token, TokenFixture.CLOCK.instant());
    }

    /** The floor: the MAC and nothing else a verifier could skip, exactly as in {@link TokenVerifyBenchmark}. */
    @Benchmark
    public boolean hmacFloor() throws GeneralSecurityException {
        int dot = token.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        floorMac.update(token.getBytes(StandardCharsets.US_ASCII), 0, dot);
        return MessageDigest.isEqual(floorMac.doFinal(), signature);
    }
}

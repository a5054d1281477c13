package dev.inkan.benchmarks;

import dev.inkan.adapter.crypto.BouncyCastleMacAlgorithm;
import dev.inkan.adapter.crypto.JcaMacAlgorithm;
import dev.inkan.adapter.crypto.KeyRings;
import dev.inkan.adapter.crypto.StrictJsonClaimsCodec;
import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.application.service.AccessTokenCodec;
import dev.inkan.application.service.VerifyAccessTokenService;
import dev.inkan.domain.JwsAlgorithm;
import dev.inkan.domain.RevocationRegistry;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.TokenPolicy;
import dev.inkan.domain.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** What every benchmark shares: one 32-byte key, one policy, and one token Inkan issued with the usual claims. */
final class TokenFixture {

    static final String ISSUER = "inkan";
    static final String AUDIENCE = "inkan";
    static final Clock CLOCK = Clock.systemUTC();
    static final TokenPolicy POLICY = new TokenPolicy(ISSUER, AUDIENCE, Duration.ofMinutes(15), Duration.ofDays(7),
            Duration.ofSeconds(30));

    final byte[] key = new byte[32];
    final UserId user = new UserId(UUID.randomUUID());
    final SessionId session = new SessionId(UUID.randomUUID());
    final AccessTokenCodec jcaCodec;
    final AccessTokenCodec bouncyCastleCodec;
    final String token;

    TokenFixture() {
        new SecureRandom().nextBytes(key);
        jcaCodec = codec(new JcaMacAlgorithm(JwsAlgorithm.HS256));
        bouncyCastleCodec = codec(new BouncyCastleMacAlgorithm(JwsAlgorithm.HS256));
        token = jcaCodec.sign(POLICY.newAccessClaims(user, session, UUID.randomUUID().toString(), CLOCK.instant()));
    }

    private AccessTokenCodec codec(MacAlgorithm mac) {
        return new AccessTokenCodec(mac, KeyRings.fromBase64UrlSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(key),
                JwsAlgorithm.HS256), new StrictJsonClaimsCodec());
    }

    /** Inkan's verification as the server runs it: form, header, MAC, claims, time, issuer, audience, revocations. */
    static VerifyAccessTokenService verifier(AccessTokenCodec codec) {
        return new VerifyAccessTokenService(codec, POLICY, new RevocationRegistry(CLOCK, POLICY.leeway()), CLOCK);
    }
}

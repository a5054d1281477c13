package dev.inkan.benchmarks;

import dev.inkan.adapter.crypto.BouncyCastleMacAlgorithm;
import dev.inkan.adapter.crypto.JcaMacAlgorithm;
import dev.inkan.adapter.crypto.JwkThumbprint;
import dev.inkan.adapter.crypto.StaticKeyRing;
import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.application.service.VerifyAccessTokenService;
import dev.inkan.application.tokens.AccessTokens;
import dev.inkan.domain.Email;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.RevocationRegistry;
import dev.inkan.domain.Role;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.SigningKey;
import dev.inkan.token.TokenRules;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What every benchmark shares: one 32-byte key (its id its thumbprint, as the server names a bare
 * secret), one set of rules, and one token Inkan issued with the usual claims.
 */
final class TokenFixture {

    static final String ISSUER = "inkan";
    static final String AUDIENCE = "inkan";
    static final Clock CLOCK = Clock.systemUTC();
    static final TokenRules RULES = new TokenRules(ISSUER, AUDIENCE, Duration.ofSeconds(30));
    static final Duration ACCESS_TTL = Duration.ofMinutes(15);

    final byte[] key = new byte[32];
    /** The roles a fixture's user may hold, the first {@code roles} of which every token carries. */
    static final List<Role> ROLES = List.of(Role.ADMIN, new Role("billing:read"), new Role("reports:write"));

    final User user;
    final SessionId session = new SessionId(UUID.randomUUID());
    final AccessTokens jcaTokens;
    final AccessTokens bouncyCastleTokens;
    final String token;

    /** @param roles how many roles the user holds (and every token carries), up to three */
    TokenFixture(int roles) {
        user = new User(new UserId(UUID.randomUUID()), new Email("bench@example.com"), new PasswordHash("$argon2id$x"),
                CLOCK.instant(), ROLES.subList(0, roles), roles, Optional.empty());
        new SecureRandom().nextBytes(key);
        jcaTokens = tokens(new JcaMacAlgorithm(), RULES);
        bouncyCastleTokens = tokens(new BouncyCastleMacAlgorithm(), RULES);
        token = newToken();
    }

    /** @return a token of the fixture's user and session as the server issues them, with a token id of its own */
    String newToken() {
        return jcaTokens.sign(jcaTokens.claimsFor(user, session, UUID.randomUUID().toString(), Map.of(), CLOCK.instant()));
    }

    /** @return access tokens under this fixture's key, with {@code mac} and {@code rules} */
    AccessTokens tokens(MacAlgorithm mac, TokenRules rules) {
        SigningKey signingKey = new SigningKey(JwkThumbprint.ofOctetKey(key), JwsAlgorithm.HS256, key);
        return new AccessTokens(new StaticKeyRing(List.of(signingKey)), mac, rules, ACCESS_TTL);
    }

    /** Inkan's verification as the server runs it: form, header, MAC, claims, time, issuer, audience, revocations. */
    static VerifyAccessTokenService verifier(AccessTokens tokens) {
        return new VerifyAccessTokenService(tokens, new RevocationRegistry(CLOCK, RULES.leeway()), CLOCK);
    }

    /** @return JCA's HMAC-SHA256 initialised with the fixture's key: what the floors compute */
    Mac floorMac() throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac;
    }

    /**
     * The floor of verifying {@code token}: its MAC and nothing else a verifier could skip (the
     * signature decoded, the MAC of the signing input, a constant-time compare; no JSON, no claims).
     */
    static boolean hmacFloor(Mac mac, String token) {
        int dot = token.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        mac.update(token.getBytes(StandardCharsets.US_ASCII), 0, dot);
        return MessageDigest.isEqual(mac.doFinal(), signature);
    }
}

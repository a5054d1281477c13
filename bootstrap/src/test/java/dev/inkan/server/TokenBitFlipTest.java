package dev.inkan.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.adapter.crypto.BouncyCastleMacAlgorithm;
import dev.inkan.adapter.crypto.BouncyCastleSignatureAlgorithm;
import dev.inkan.adapter.crypto.JcaMacAlgorithm;
import dev.inkan.adapter.crypto.JcaSignatureAlgorithm;
import dev.inkan.adapter.crypto.KeyPairs;
import dev.inkan.adapter.crypto.SecureRandomSource;
import dev.inkan.adapter.crypto.StaticKeyRing;
import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.application.port.out.SignatureAlgorithm;
import dev.inkan.application.service.VerifyAccessTokenService;
import dev.inkan.application.tokens.AccessTokens;
import dev.inkan.domain.Email;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.RevocationRegistry;
import dev.inkan.domain.Role;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.SigningKey;
import dev.inkan.token.TokenRules;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every single-bit mutant of a valid token, for every algorithm and provider, is refused: the
 * signature covers every bit of header and payload, and the encoding leaves no bit unchecked. The
 * test is exhaustive: each of the 8 bits of each character of the token is flipped once.
 */
class TokenBitFlipTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final TokenRules RULES = new TokenRules("inkan", "inkan", Duration.ofSeconds(30));
    /** For the HMAC cases, whose ring holds no pair. */
    private static final SignatureAlgorithm NO_SIGNATURES = new JcaSignatureAlgorithm();

    static Stream<Arguments> verifiers() {
        List<Arguments> cases = new ArrayList<>();
        for (JwsAlgorithm algorithm : JwsAlgorithm.values()) {
            if (algorithm.isHmac()) {
                for (MacAlgorithm mac : List.of(new JcaMacAlgorithm(), new BouncyCastleMacAlgorithm())) {
                    cases.add(Arguments.of(mac.getClass().getSimpleName() + " " + algorithm, mac, NO_SIGNATURES, algorithm));
                }
            } else if (algorithm != JwsAlgorithm.Ed25519) { // EdDSA under its other name: the same bytes but the header
                for (SignatureAlgorithm signatures : List.of(new JcaSignatureAlgorithm(), new BouncyCastleSignatureAlgorithm())) {
                    cases.add(Arguments.of(signatures.getClass().getSimpleName() + " " + algorithm, new JcaMacAlgorithm(),
                            signatures, algorithm));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verifiers")
    void everySingleBitFlip_isRefused(String name, MacAlgorithm mac, SignatureAlgorithm signatures, JwsAlgorithm algorithm) {
        SigningKey key = algorithm.isHmac() ? new SigningKey("k1", algorithm, TestTokens.randomKey(algorithm.macLength()))
                : KeyPairs.generate(algorithm, new SecureRandomSource());
        AccessTokens tokens = new AccessTokens(new StaticKeyRing(List.of(key)), mac, signatures, RULES, Duration.ofMinutes(15));
        var verifier = new VerifyAccessTokenService(tokens, new RevocationRegistry(CLOCK, RULES.leeway()), CLOCK);
        User user = new User(new UserId(UUID.randomUUID()), new Email("ann@example.com"), new PasswordHash("$argon2id$x"),
                CLOCK.instant(), List.of(Role.ADMIN), 1, Optional.empty());
        String token = tokens.sign(tokens.claimsFor(user, new SessionId(UUID.randomUUID()), UUID.randomUUID().toString(),
                Map.of(), CLOCK.instant()));
        assertThat(verifier.verify(token)).as("the unmutated token of %s", name).isNotNull();

        List<String> accepted = new ArrayList<>();
        int tried = 0;
        for (int i = 0; i < token.length(); i++) {
            for (int bit = 0; bit < 8; bit++) {
                char[] chars = token.toCharArray();
                chars[i] = (char) (chars[i] ^ (1 << bit));
                String mutant = new String(chars);
                tried++;
                try {
                    verifier.verify(mutant);
                    accepted.add("bit " + bit + " of character " + i + ": " + mutant);
                } catch (InvalidTokenException refused) {
                    // as it must be
                }
            }
        }
        assertThat(tried).as("every bit of every character").isEqualTo(token.length() * 8);
        assertThat(accepted).as("mutants of a %s token that were accepted", name).isEmpty();
    }
}

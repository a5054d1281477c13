package dev.inkan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.adapter.crypto.BouncyCastleMacAlgorithm;
import dev.inkan.adapter.crypto.StrictJsonClaimsCodec;
import dev.inkan.adapter.crypto.JcaMacAlgorithm;
import dev.inkan.adapter.crypto.KeyRings;
import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.application.service.AccessTokenCodec;
import dev.inkan.application.service.RevocationRegistry;
import dev.inkan.application.service.VerifyAccessTokenService;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.JwsAlgorithm;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.TokenPolicy;
import dev.inkan.domain.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every single-bit mutant of a valid token, for every algorithm and provider, is refused: the
 * signature covers every bit of header and payload, and the encoding leaves no bit unchecked.
 */
class TokenBitFlipTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static final TokenPolicy POLICY = new TokenPolicy("inkan", "inkan", Duration.ofMinutes(15),
            Duration.ofDays(7), Duration.ofSeconds(30));

    /** One verifier and one valid token it accepts, and every token one bit away from it. */
    record Mutant(String verifierName, VerifyAccessTokenService verifier, String token) {
        @Override
        public String toString() {
            return verifierName + " " + token;
        }
    }

    @Property(generation = GenerationMode.EXHAUSTIVE, tries = 40_000)
    void everySingleBitFlip_isRefused(@ForAll("mutants") Mutant mutant) {
        assertThatThrownBy(() -> mutant.verifier().verify(mutant.token())).isInstanceOf(InvalidTokenException.class);
    }

    @Provide
    Arbitrary<Mutant> mutants() {
        List<Mutant> mutants = new ArrayList<>();
        for (JwsAlgorithm algorithm : JwsAlgorithm.values()) {
            byte[] key = TestTokens.randomKey(algorithm.macLength());
            for (MacAlgorithm mac : List.of(new JcaMacAlgorithm(algorithm), new BouncyCastleMacAlgorithm(algorithm))) {
                String name = mac.getClass().getSimpleName() + " " + algorithm;
                AccessTokenCodec codec = new AccessTokenCodec(mac, KeyRings.fromBase64UrlSecret(TestTokens.b64(key), algorithm),
                        new StrictJsonClaimsCodec());
                var verifier = new VerifyAccessTokenService(codec, POLICY, new RevocationRegistry(CLOCK, POLICY.leeway()), CLOCK);
                String token = codec.sign(POLICY.newAccessClaims(new UserId(UUID.randomUUID()),
                        new SessionId(UUID.randomUUID()), UUID.randomUUID().toString(), CLOCK.instant()));
                assertThat(verifier.verify(token)).as("the unmutated token of %s", name).isNotNull();
                for (int i = 0; i < token.length(); i++) {
                    for (int bit = 0; bit < 8; bit++) {
                        char[] chars = token.toCharArray();
                        chars[i] = (char) (chars[i] ^ (1 << bit));
                        mutants.add(new Mutant(name, verifier, new String(chars)));
                    }
                }
            }
        }
        return Arbitraries.of(mutants);
    }
}

package dev.inkan.application.service;

import static dev.inkan.application.service.Fixtures.claims;
import static dev.inkan.application.service.Fixtures.header;
import static dev.inkan.application.service.Fixtures.key;
import static dev.inkan.application.service.Fixtures.ring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import dev.inkan.application.port.out.ClaimsCodec;
import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.application.port.out.MacAlgorithm.KeyedMac;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.InvalidTokenException.Reason;
import dev.inkan.domain.JwsAlgorithm;
import dev.inkan.domain.SigningKey;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessTokenCodecTest {

    private final KeyedMac[] keyedMacs = new KeyedMac[1];
    private final ClaimsCodec json = spy(Fixtures.plainCodec());
    private final SigningKey signing = key("k1");
    private final AccessTokenCodec codec = new AccessTokenCodec(spyingMac(), ring(signing), json);

    @Test
    void signedToken_hasThreeSegments_headerOfTheSigningKey_andVerifies() {
        String token = codec.sign(claims());

        assertThat(token.split("\\.")).hasSize(3);
        assertThat(new String(Base64Url.decode(token.split("\\.")[0]), StandardCharsets.UTF_8)).isEqualTo("HS256|JWT|k1|");
        assertThat(codec.verify(token)).isEqualTo(claims());
    }

    @Test
    void missingAndOversizedTokens_areRefusedBeforeAnyParsing() {
        assertReason(() -> codec.verify(null), Reason.MISSING);
        assertReason(() -> codec.verify(""), Reason.MISSING);
        assertReason(() -> codec.verify("a".repeat(AccessTokenCodec.MAX_TOKEN_LENGTH + 1)), Reason.OVERSIZED);
        verify(json, never()).decodeHeader(any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "abc.def", "abc.def.ghi.jkl", "abc.def.ghi.jkl.mno", ".def.ghi", "abc..ghi", "abc.def.",
        "ab=.def.ghi", "abc.de+.ghi", "abc.def.gh/", "abc.d f.ghi", "abc.def.gh\u00e9", "A.def.ghi"})
    void malformedForm_isRefused_withoutComputingAMac(String token) {
        assertReason(() -> codec.verify(token), Reason.MALFORMED);
        verify(keyedMacs[0], never()).compute(any(), anyInt(), anyInt());
    }

    @Test
    void refusedHeaders_areRefused_withoutComputingAMac() {
        assertReason(() -> codec.verify(token(header("HS256", "JWT", "k1", "crit"))), Reason.CRITICAL_HEADER);
        for (String reference : new String[] {"jku", "jwk", "x5u", "x5c", "x5t"}) {
            assertReason(() -> codec.verify(token(header("HS256", "JWT", "k1", reference))), Reason.UNTRUSTED_HEADER);
        }
        for (String alg : new String[] {"", "none", "None", "HS384", "HS512", "RS256", "hs256"}) {
            assertReason(() -> codec.verify(token(header(alg, "JWT", "k1"))), Reason.UNSUPPORTED_ALGORITHM);
        }
        assertReason(() -> codec.verify(token(header("HS256", "JWE", "k1"))), Reason.MALFORMED_HEADER);
        assertReason(() -> codec.verify(token(header("HS256", "JWT", "unknown"))), Reason.UNKNOWN_KEY);
        verify(keyedMacs[0], never()).compute(any(), anyInt(), anyInt());
    }

    @Test
    void withoutKid_theSoleKeyVerifies_butNotWhenTheRingHasSeveral() {
        String claimsSegment = codec.sign(claims()).split("\\.")[1];
        String noKid = signed(signing, header("HS256", "jwt", ""), claimsSegment);
        AccessTokenCodec twoKeys = new AccessTokenCodec(Fixtures.hs256(), ring(signing, key("k2")), Fixtures.plainCodec());

        assertThat(codec.verify(noKid)).isEqualTo(claims());
        assertReason(() -> twoKeys.verify(noKid), Reason.UNKNOWN_KEY);
    }

    @Test
    void everyKeyOfTheRingVerifies_theFirstSigns() {
        SigningKey retiring = key("k0");
        AccessTokenCodec rotated = new AccessTokenCodec(Fixtures.hs256(), ring(signing, retiring), Fixtures.plainCodec());
        String claimsSegment = codec.sign(claims()).split("\\.")[1];

        assertThat(rotated.verify(signed(retiring, header("HS256", "JWT", "k0"), claimsSegment))).isEqualTo(claims());
        assertReason(() -> rotated.verify(signed(signing, header("HS256", "JWT", "k0"), claimsSegment)), Reason.BAD_SIGNATURE);
        assertThat(rotated.sign(claims())).isEqualTo(codec.sign(claims()));
    }

    @Test
    void aFlippedOrShortenedSignature_isRefused_andTheClaimsAreNeverRead() {
        String token = codec.sign(claims());
        String[] parts = token.split("\\.");
        byte[] signature = Base64Url.decode(parts[2]);
        signature[5] ^= 1;
        String flipped = parts[0] + "." + parts[1] + "." + Base64Url.encode(signature);
        byte[] shorter = java.util.Arrays.copyOf(Base64Url.decode(parts[2]), 31);

        assertReason(() -> codec.verify(flipped), Reason.BAD_SIGNATURE);
        assertReason(() -> codec.verify(parts[0] + "." + parts[1] + "." + Base64Url.encode(shorter)), Reason.BAD_SIGNATURE);
        verify(json, never()).decodeClaims(any());
    }

    @Test
    void construction_refusesAnEmptyRing_aRepeatedKid_andAShortKey() {
        assertThatThrownBy(() -> new AccessTokenCodec(Fixtures.hs256(), ring(), Fixtures.plainCodec()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessTokenCodec(Fixtures.hs256(), ring(signing, signing), Fixtures.plainCodec()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessTokenCodec(Fixtures.hs256(), ring(new SigningKey("short", new byte[31])),
                Fixtures.plainCodec())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constantTimeEquals_comparesWholeArrays() {
        assertThat(AccessTokenCodec.constantTimeEquals(new byte[] {1, 2, 3}, new byte[] {1, 2, 3})).isTrue();
        assertThat(AccessTokenCodec.constantTimeEquals(new byte[] {1, 2, 3}, new byte[] {1, 2, 4})).isFalse();
        assertThat(AccessTokenCodec.constantTimeEquals(new byte[] {1, 2, 3}, new byte[] {1, 2})).isFalse();
    }

    /** A token with {@code header} and good claims, signed with the codec's own key. */
    private String token(byte[] header) {
        return signed(signing, header, Base64Url.encode(Fixtures.plainCodec().encodeClaims(claims())));
    }

    private static String signed(SigningKey key, byte[] header, String claimsSegment) {
        String input = Base64Url.encode(header) + "." + claimsSegment;
        byte[] bytes = input.getBytes(StandardCharsets.US_ASCII);
        return input + "." + Base64Url.encode(Fixtures.hs256().keyed(key).compute(bytes, 0, bytes.length));
    }

    private MacAlgorithm spyingMac() {
        MacAlgorithm real = Fixtures.hs256();
        return new MacAlgorithm() {
            @Override
            public JwsAlgorithm algorithm() {
                return real.algorithm();
            }

            @Override
            public KeyedMac keyed(SigningKey key) {
                KeyedMac delegate = real.keyed(key);
                keyedMacs[0] = spy(new KeyedMac() {
                    @Override
                    public byte[] compute(byte[] input, int offset, int length) {
                        return delegate.compute(input, offset, length);
                    }
                });
                return keyedMacs[0];
            }
        };
    }

    private static void assertReason(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}

package dev.inkan.token;

import static dev.inkan.token.Fixtures.NOW;
import static dev.inkan.token.Fixtures.RULES;
import static dev.inkan.token.Fixtures.assertRefused;
import static dev.inkan.token.Fixtures.b64;
import static dev.inkan.token.Fixtures.claims;
import static dev.inkan.token.Fixtures.signed;
import static dev.inkan.token.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.token.Fixtures.CountingMac;
import dev.inkan.token.TokenException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenFormatTest {

    private final CountingMac mac = Fixtures.mac("k1", JwsAlgorithm.HS256);
    private final JwsKey signing = JwsKey.hmac("k1", JwsAlgorithm.HS256, mac);
    private final TokenFormat format = new TokenFormat(List.of(signing), RULES);
    private int macsToSignTestTokens;

    @Test
    void signedToken_hasThreeSegments_headerOfTheSigningKey_andVerifies() {
        String token = format.sign(claims());

        assertThat(token.split("\\.")).hasSize(3);
        assertThat(utf8(Base64.getUrlDecoder().decode(token.split("\\.")[0]))).isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}");
        assertThat(format.verify(token, NOW)).isEqualTo(claims());
    }

    @Test
    void missingAndOversizedTokens_areRefusedBeforeAnyParsing() {
        assertRefused(() -> format.verify(null, NOW), Reason.MISSING);
        assertRefused(() -> format.verify("", NOW), Reason.MISSING);
        assertRefused(() -> format.verify("a".repeat(CompactJws.MAX_LENGTH + 1), NOW), Reason.OVERSIZED);
        assertRefused(() -> format.verify("a".repeat(CompactJws.MAX_LENGTH), NOW), Reason.MALFORMED);
        assertThat(mac.computed()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "abc.def", "abc.def.ghi.jkl", "abc.def.ghi.jkl.mno", ".def.ghi", "abc..ghi", "abc.def.",
        "ab=.def.ghi", "abc.de+.ghi", "abc.def.gh/", "abc.d f.ghi", "abc.def.gh\u00e9", "A.def.ghi", "abc.dew.gh\u0100",
        "..", "...", "abc.de\u00c3\u00a9.ghi"})
    void malformedForm_isRefused_withoutComputingAMac(String token) {
        assertRefused(() -> format.verify(token, NOW), Reason.MALFORMED);
        assertThat(mac.computed()).isZero();
    }

    @Test
    void aNonCanonicalSegment_inAnOtherwiseGoodToken_isRefusedAsMalformed() {
        String[] parts = format.sign(claims()).split("\\.");
        int computed = mac.computed();

        assertRefused(() -> format.verify(parts[0] + "=." + parts[1] + "." + parts[2], NOW), Reason.MALFORMED);
        assertRefused(() -> format.verify(parts[0] + "." + parts[1] + "=." + parts[2], NOW), Reason.MALFORMED);
        assertRefused(() -> format.verify(parts[0] + "." + parts[1] + "." + parts[2] + "AA", NOW), Reason.MALFORMED);
        assertRefused(() -> format.verify(parts[0] + " ." + parts[1] + "." + parts[2], NOW), Reason.MALFORMED);
        assertThat(mac.computed()).isEqualTo(computed);
    }

    @Test
    void refusedHeaders_areRefused_withoutComputingAMac() {
        assertRefused(() -> verifyWithHeader("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k1\",\"crit\":[\"exp\"]}"), Reason.CRITICAL_HEADER);
        for (String reference : new String[] {"jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256"}) {
            assertRefused(() -> verifyWithHeader("{\"alg\":\"HS256\",\"kid\":\"k1\",\"" + reference + "\":\"x\"}"), Reason.UNTRUSTED_HEADER);
        }
        for (String alg : new String[] {"", "none", "None", "HS384", "HS512", "RS256", "hs256", "HS256 "}) {
            assertRefused(() -> verifyWithHeader("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"k1\"}"), Reason.UNSUPPORTED_ALGORITHM);
        }
        assertRefused(() -> verifyWithHeader("{\"typ\":\"JWT\",\"kid\":\"k1\"}"), Reason.UNSUPPORTED_ALGORITHM);
        assertRefused(() -> verifyWithHeader("{\"alg\":null,\"kid\":\"k1\"}"), Reason.MALFORMED_HEADER);
        assertRefused(() -> verifyWithHeader("{\"alg\":\"HS256\",\"typ\":\"JWE\",\"kid\":\"k1\"}"), Reason.MALFORMED_HEADER);
        assertRefused(() -> verifyWithHeader("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"unknown\"}"), Reason.UNKNOWN_KEY);
        assertRefused(() -> verifyWithHeader("{\"alg\":\"none\",\"kid\":\"unknown\"}"), Reason.UNSUPPORTED_ALGORITHM);
        assertRefused(() -> verifyWithHeader("[\"HS256\"]"), Reason.MALFORMED_HEADER);
        assertThat(mac.computed()).as("only the signing of the test tokens").isEqualTo(macsToSignTestTokens);
    }

    @Test
    void theRulesOfAHeader_applyInOrder_critFirst_thenKeyReferences_thenAlg_thenTyp_thenKid() {
        assertRefused(() -> verifyWithHeader("{\"alg\":\"none\",\"jku\":\"x\",\"crit\":[]}"), Reason.CRITICAL_HEADER);
        assertRefused(() -> verifyWithHeader("{\"alg\":\"none\",\"jku\":\"x\"}"), Reason.UNTRUSTED_HEADER);
        assertRefused(() -> verifyWithHeader("{\"alg\":\"none\",\"typ\":\"JWE\",\"kid\":\"unknown\"}"), Reason.UNSUPPORTED_ALGORITHM);
        assertRefused(() -> verifyWithHeader("{\"alg\":\"HS256\",\"typ\":\"JWE\",\"kid\":\"unknown\"}"), Reason.MALFORMED_HEADER);
    }

    @Test
    void aTypOfJwt_inAnyCase_orNone_isAccepted() {
        for (String header : new String[] {"{\"alg\":\"HS256\",\"typ\":\"jwt\",\"kid\":\"k1\"}", "{\"alg\":\"HS256\",\"typ\":\"Jwt\",\"kid\":\"k1\"}",
            "{\"alg\":\"HS256\",\"kid\":\"k1\"}"}) {
            assertThat(verifyWithHeader(header)).isEqualTo(claims());
        }
    }

    @Test
    void withoutKid_theSoleKeyVerifies_butNotWhenThereAreSeveral() {
        String noKid = signed(signing, "{\"alg\":\"HS256\",\"typ\":\"jwt\"}", ClaimsWriter.write(claims()));
        TokenFormat twoKeys = new TokenFormat(List.of(signing, Fixtures.key("k2")), RULES);

        assertThat(format.verify(noKid, NOW)).isEqualTo(claims());
        assertRefused(() -> twoKeys.verify(noKid, NOW), Reason.UNKNOWN_KEY);
        assertRefused(() -> format.verify(signed(signing, "{\"alg\":\"HS256\",\"kid\":\"k2\"}", ClaimsWriter.write(claims())), NOW),
                Reason.UNKNOWN_KEY);
    }

    @Test
    void everyKeyVerifies_theFirstSigns() {
        JwsKey retiring = Fixtures.key("k0");
        TokenFormat rotated = new TokenFormat(List.of(signing, retiring), RULES);
        byte[] payload = ClaimsWriter.write(claims());

        assertThat(rotated.verify(signed(retiring, "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k0\"}", payload), NOW)).isEqualTo(claims());
        assertThat(rotated.verify(new TokenFormat(List.of(retiring), RULES).sign(claims()), NOW)).isEqualTo(claims());
        assertRefused(() -> rotated.verify(signed(signing, "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k0\"}", payload), NOW),
                Reason.BAD_SIGNATURE);
        assertThat(rotated.sign(claims())).isEqualTo(format.sign(claims()));
    }

    @Test
    void algConfusion_theAlgOfAnotherKeyOrOfNone_isRefused_beforeAnyMac() {
        CountingMac strongMac = Fixtures.mac("k5", JwsAlgorithm.HS512);
        JwsKey strong = JwsKey.hmac("k5", JwsAlgorithm.HS512, strongMac);
        TokenFormat mixed = new TokenFormat(List.of(signing, strong), RULES);
        byte[] payload = ClaimsWriter.write(claims());
        List<String> confused = List.of(
                signed(strong, "{\"alg\":\"HS256\",\"kid\":\"k5\"}", payload),
                signed(signing, "{\"alg\":\"HS512\",\"kid\":\"k1\"}", payload),
                signed(signing, "{\"alg\":\"HS384\",\"kid\":\"k1\"}", payload));
        int before = mac.computed() + strongMac.computed();

        for (String token : confused) {
            assertRefused(() -> mixed.verify(token, NOW), Reason.UNSUPPORTED_ALGORITHM);
        }
        assertThat(mac.computed() + strongMac.computed()).isEqualTo(before);
        assertThat(mixed.verify(new TokenFormat(List.of(strong), RULES).sign(claims()), NOW)).isEqualTo(claims());
    }

    @Test
    void aFlippedOrShortenedSignature_isRefused_andTheClaimsAreNeverRead() {
        String token = format.sign(claims());
        String[] parts = token.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[5] ^= 1;
        byte[] shorter = Arrays.copyOf(Base64.getUrlDecoder().decode(parts[2]), 31);
        String notJson = b64("not json".getBytes(StandardCharsets.US_ASCII));

        assertRefused(() -> format.verify(parts[0] + "." + parts[1] + "." + b64(signature), NOW), Reason.BAD_SIGNATURE);
        assertRefused(() -> format.verify(parts[0] + "." + parts[1] + "." + b64(shorter), NOW), Reason.BAD_SIGNATURE);
        assertRefused(() -> format.verify(parts[0] + "." + notJson + "." + parts[2], NOW), Reason.BAD_SIGNATURE);
        assertRefused(() -> format.verify(signed(signing, "{\"alg\":\"HS256\",\"kid\":\"k1\"}", "not json"), NOW),
                Reason.MALFORMED_CLAIMS);
    }

    @Test
    void construction_refusesNoKeys_aRepeatedKid_andANullKey() {
        assertThatThrownBy(() -> new TokenFormat(List.of(), RULES)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenFormat(List.of(signing, Fixtures.key("k1", JwsAlgorithm.HS512)), RULES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'k1'");
        List<JwsKey> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> new TokenFormat(withNull, RULES)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TokenFormat(List.of(signing), null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TokenFormat(List.of(Fixtures.key("k\ud800")), RULES)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMacOfTheWrongLength_isNotSignedWith() {
        TokenFormat broken = new TokenFormat(List.of(JwsKey.hmac("k1", JwsAlgorithm.HS256, (input, offset, length) -> new byte[20])), RULES);

        assertThatThrownBy(() -> broken.sign(claims())).isInstanceOf(IllegalStateException.class).hasMessageContaining("20 bytes");
    }

    @Test
    void aHeaderInkanDidNotWrite_butValid_isReadByTheGeneralPath_andAgreesWithTheFastPath() {
        JoseHeaders headers = new JoseHeaders(List.of(signing));
        String own = format.sign(claims());
        byte[] payload = ClaimsWriter.write(claims());
        List<String> others = List.of(
                "{\"kid\":\"k1\",\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                " { \"alg\" : \"HS256\" ,\n\"typ\":\"JWT\", \"kid\":\"k1\" } ",
                "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k\\u0031\"}",
                "{\"alg\":\"H\\u0053256\",\"t\\u0079p\":\"JWT\",\"kid\":\"k1\"}",
                "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k1\",\"x\":{\"y\":[1,true,null,\"\\u00e9\"]},\"cty\":\"JWT\"}",
                "{\"alg\":\"HS256\",\"kid\":\"k1\"}");

        assertThat(headers.ownHeader(CompactJws.split(own))).isZero();
        for (String header : others) {
            String token = signed(signing, header, payload);
            assertThat(headers.ownHeader(CompactJws.split(token))).as(header).isEqualTo(JoseHeaders.NOT_OWN);
            assertThat(headers.keyFor(CompactJws.split(token))).as(header).isSameAs(headers.keyFor(CompactJws.split(own)));
            assertThat(format.verify(token, NOW)).as(header).isEqualTo(format.verify(own, NOW));
        }
    }

    @Test
    void theOwnHeaderOfEveryKey_isRecognised() {
        JwsKey second = Fixtures.key("k2");
        JoseHeaders headers = new JoseHeaders(List.of(signing, second));
        String bySecond = new TokenFormat(List.of(second), RULES).sign(claims());

        assertThat(headers.ownHeader(CompactJws.split(bySecond))).isEqualTo(1);
        assertThat(new TokenFormat(List.of(signing, second), RULES).verify(bySecond, NOW)).isEqualTo(claims());
    }

    @Test
    void verifyOfSign_roundTripsTheClaimsExactly() {
        TokenRules unusual = new TokenRules("\u00e9metteur \u65e5\u672c \"q\" \\ \ud83d\ude00", "billing", Duration.ZERO);
        TokenFormat other = new TokenFormat(List.of(signing), unusual);
        List<TokenClaims> all = List.of(
                claims(),
                new TokenClaims(unusual.issuer(), Fixtures.USER, List.of("billing"), NOW, NOW.plusSeconds(60), Optional.empty(),
                        "j\u00e9\n\t\u0001", Fixtures.SESSION),
                new TokenClaims(unusual.issuer(), Fixtures.USER, List.of("api", "billing", "\u00e9"), NOW, NOW.plusSeconds(60),
                        Optional.of(NOW.minusSeconds(5)), "jti", Fixtures.SESSION),
                new TokenClaims(unusual.issuer(), Fixtures.USER, List.of("billing"), NOW, NOW.plusSeconds(1),
                        Optional.of(NOW), "jti", Fixtures.SESSION));

        assertThat(format.verify(format.sign(all.get(0)), NOW)).isEqualTo(all.get(0));
        for (TokenClaims claims : all.subList(1, all.size())) {
            assertThat(other.verify(other.sign(claims), NOW)).isEqualTo(claims);
        }
    }

    /** Verifies good claims under {@code header}, signed with the format's key. */
    private TokenClaims verifyWithHeader(String header) {
        String token = signed(signing, header, ClaimsWriter.write(claims()));
        macsToSignTestTokens++;
        return format.verify(token, NOW);
    }
}

package dev.inkan.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.application.port.out.ClaimsCodec;
import dev.inkan.application.port.out.JoseHeader;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.InvalidTokenException.Reason;
import dev.inkan.domain.JwsAlgorithm;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every {@link ClaimsCodec} must do: write the JSON Inkan signs and read JSON strictly. */
abstract class ClaimsCodecContract {

    static final String SUB = "0b4fe2b2-8a5f-4f53-9d6e-3a1c6c1f2a10";
    static final String SID = "6f1b1f2e-4c1d-4b7e-9a55-2d1f0e9c8b7a";
    private final ClaimsCodec codec = codec();

    abstract ClaimsCodec codec();

    @Test
    void claims_roundTrip_withOneAudience_andWithSeveral_andWithNbf() {
        AccessTokenClaims one = claims(List.of("inkan"), Optional.empty());
        AccessTokenClaims several = claims(List.of("inkan", "billing"), Optional.of(Instant.ofEpochSecond(1_700_000_000)));

        assertThat(codec.decodeClaims(codec.encodeClaims(one))).isEqualTo(one);
        assertThat(codec.decodeClaims(codec.encodeClaims(several))).isEqualTo(several);
        assertThat(json(codec.encodeClaims(one))).isEqualTo("{\"iss\":\"inkan\",\"sub\":\"" + SUB + "\",\"aud\":\"inkan\","
                + "\"iat\":1700000000,\"exp\":1700000900,\"jti\":\"j-1\",\"sid\":\"" + SID + "\"}");
    }

    @Test
    void header_isWrittenAlgTypKid_andReadBackWithEveryParameterName() {
        byte[] header = codec.encodeHeader(JwsAlgorithm.HS384, "key-1");

        assertThat(json(header)).isEqualTo("{\"alg\":\"HS384\",\"typ\":\"JWT\",\"kid\":\"key-1\"}");
        JoseHeader decoded = codec.decodeHeader("{\"alg\":\"HS256\",\"kid\":\"k\",\"crit\":[\"x\"],\"x\":{\"y\":1}}".getBytes(StandardCharsets.UTF_8));
        assertThat(decoded.algorithm()).contains("HS256");
        assertThat(decoded.keyId()).contains("k");
        assertThat(decoded.type()).isEmpty();
        assertThat(decoded.parameterNames()).isEqualTo(Set.of("alg", "kid", "crit", "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "[]", "\"text\"", "42", "null", "{", "{\"alg\":\"HS256\"} {}", "{\"alg\":\"HS256\",\"alg\":\"none\"}",
        "{\"alg\":256}", "{\"alg\":\"HS256\",\"kid\":7}", "{\"alg\":\"HS256\",\"typ\":[\"JWT\"]}",
        "{\"alg\":\"HS256\",\"x\":{\"a\":1,\"a\":2}}"
    })
    void malformedHeaders_areRefused(String header) {
        assertRefused(() -> codec.decodeHeader(header.getBytes(StandardCharsets.UTF_8)), Reason.MALFORMED_HEADER);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"exp\":\"1700000900\"", "\"exp\":1700000900.5", "\"exp\":1.7e9", "\"exp\":true", "\"exp\":-1",
        "\"exp\":253402300800", "\"exp\":123456789012345678901234567890", "\"exp\":null",
        "\"iat\":\"0\"", "\"nbf\":1.0", "\"iss\":42", "\"jti\":{}", "\"aud\":42", "\"aud\":[]", "\"aud\":[\"inkan\",3]",
        "\"sub\":\"1-1-1-1-1\"", "\"sub\":\"admin\"", "\"sid\":\"{" + SID + "}\"", "\"sub\":42"
    })
    void claimsOfTheWrongType_areRefused(String override) {
        String name = override.substring(1, override.indexOf('"', 1));
        String json = base().replaceFirst("\"" + name + "\":(\"[^\"]*\"|\\d+)", override.replace("$", "\\$"));
        if (!json.contains(override)) {
            json = base().replace("}", "," + override + "}");
        }

        String finalJson = json;
        assertRefused(() -> codec.decodeClaims(finalJson.getBytes(StandardCharsets.UTF_8)), Reason.MALFORMED_CLAIMS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"iss", "sub", "aud", "iat", "exp", "jti", "sid"})
    void aMissingRegisteredClaim_isRefused(String name) {
        String json = base().replaceFirst("\"" + name + "\":(\"[^\"]*\"|\\d+),?", "").replace(",}", "}");

        assertRefused(() -> codec.decodeClaims(json.getBytes(StandardCharsets.UTF_8)), Reason.MALFORMED_CLAIMS);
    }

    @Test
    void duplicateClaims_trailingData_andInvalidUtf8_areRefused() {
        assertRefused(() -> decode(base().replace("{", "{\"sub\":\"" + UUID.randomUUID() + "\",")), Reason.MALFORMED_CLAIMS);
        assertRefused(() -> decode(base().replace("}", ",\"extra\":{\"a\":1,\"a\":2}}")), Reason.MALFORMED_CLAIMS);
        assertRefused(() -> decode(base() + " {}"), Reason.MALFORMED_CLAIMS);
        assertRefused(() -> decode("[" + base() + "]"), Reason.MALFORMED_CLAIMS);
        byte[] bytes = base().replace("\"jti\":\"j-1\"", "\"jti\":\"j-XX\"").getBytes(StandardCharsets.UTF_8);
        int at = new String(bytes, StandardCharsets.UTF_8).indexOf("XX");
        bytes[at] = (byte) 0xC3;
        bytes[at + 1] = (byte) 0x28;
        assertRefused(() -> codec.decodeClaims(bytes), Reason.MALFORMED_CLAIMS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"iss\":\"inkan\",}", "{,\"iss\":\"inkan\"}", "{\"iss\" \"inkan\"}", "{\"iss\":\"inkan\"", "{'iss':'inkan'}",
        "{\"x\":[1,]}", "{\"x\":[,1]}", "{\"x\":01}", "{\"x\":1.}", "{\"x\":.5}", "{\"x\":1e}", "{\"x\":+1}", "{\"x\":-}",
        "{\"x\":tru}", "{\"x\":nul}", "{\"x\":True}", "{\"x\":NaN}", "{\"x\":\"a\tb\"}", "{\"x\":\"\\x\"}",
        "{\"x\":\"\\u12G4\"}", "{\"x\":\"unterminated}", "{\"x\":{\"y\":1,\"y\":1}}", "{\"x\":[{\"y\":1,\"y\":2}]}",
        "{\"i\\u0073s\":\"inkan\",\"iss\":\"inkan\"}", "{\"x\":1}}", "{\"x\":1} x", "{/**/\"x\":1}"
    })
    void jsonThatIsNotStrictRfc8259_isRefused(String json) {
        assertRefused(() -> codec.decodeClaims(json.getBytes(StandardCharsets.UTF_8)), Reason.MALFORMED_CLAIMS);
        assertRefused(() -> codec.decodeHeader(json.getBytes(StandardCharsets.UTF_8)), Reason.MALFORMED_HEADER);
    }

    @Test
    void whitespaceEscapesAndUnicode_areReadAsJsonMeansThem() {
        String json = " {\n\t\"i\\u0073s\" : \"ink\\u00e9\\n\\ud83d\\ude00\\/\" ,\r\"sub\":\"" + SUB + "\",\"aud\":[ \"a\" , \"b\u00e9\" ],"
                + "\"iat\":1700000000,\"exp\":1700000900,\"nbf\":-0,\"jti\":\"j-1\",\"sid\":\"" + SID + "\","
                + "\"x\":[true,false,null,-1.5e+3,0,{},[],\"\\\"\"]} \n";

        AccessTokenClaims claims = decode(json);

        assertThat(claims.issuer()).isEqualTo("ink\u00e9\n\ud83d\ude00/");
        assertThat(claims.audience()).containsExactly("a", "b\u00e9");
        assertThat(claims.notBefore()).contains(Instant.EPOCH);
    }

    @Test
    void anyIssuerOrKeyIdText_roundTrips_throughTheJsonWritten() {
        String text = "q\"uo\\te \u0001\u001f\t\n\r\b\f \u00e9\u20ac\ud83d\ude00 /";
        AccessTokenClaims claims = new AccessTokenClaims(text, UserId.parse(SUB), List.of(text, "b"), Instant.ofEpochSecond(0),
                Instant.ofEpochSecond(253_402_300_799L), Optional.empty(), text, SessionId.parse(SID));

        assertThat(codec.decodeClaims(codec.encodeClaims(claims))).isEqualTo(claims);
        assertThat(codec.decodeHeader(codec.encodeHeader(JwsAlgorithm.HS256, text)).keyId()).contains(text);
    }

    @Test
    void unknownClaims_evenNestedOnes_areIgnored() {
        AccessTokenClaims decoded = decode(base().replace("}", ",\"roles\":[\"admin\"],\"ctx\":{\"a\":{\"b\":[1,2]}}}"));

        assertThat(decoded.subject()).isEqualTo(UserId.parse(SUB));
    }

    private AccessTokenClaims decode(String json) {
        return codec.decodeClaims(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String base() {
        return "{\"iss\":\"inkan\",\"sub\":\"" + SUB + "\",\"aud\":\"inkan\",\"iat\":1700000000,\"exp\":1700000900,"
                + "\"jti\":\"j-1\",\"sid\":\"" + SID + "\"}";
    }

    private static AccessTokenClaims claims(List<String> audience, Optional<Instant> notBefore) {
        return new AccessTokenClaims("inkan", UserId.parse(SUB), audience, Instant.ofEpochSecond(1_700_000_000),
                Instant.ofEpochSecond(1_700_000_900), notBefore, "j-1", SessionId.parse(SID));
    }

    private static String json(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidTokenException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }
}

package dev.inkan.token;

import static dev.inkan.token.Fixtures.SID;
import static dev.inkan.token.Fixtures.SUB;
import static dev.inkan.token.Fixtures.assertRefused;
import static dev.inkan.token.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.token.TokenException.Reason;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What both JSON implementations must do: write the JSON Inkan signs and read JSON strictly. */
abstract class JsonContract {

    private final JsonCodec codec = codec();

    abstract JsonCodec codec();

    @Test
    void claims_roundTrip_withOneAudience_andWithSeveral_andWithNbf() {
        TokenClaims one = claims(List.of("inkan"), Optional.empty());
        TokenClaims several = claims(List.of("inkan", "billing"), Optional.of(Instant.ofEpochSecond(1_700_000_000)));

        assertThat(codec.decodeClaims(codec.encodeClaims(one))).isEqualTo(one);
        assertThat(codec.decodeClaims(codec.encodeClaims(several))).isEqualTo(several);
        assertThat(utf8(codec.encodeClaims(one))).isEqualTo("{\"iss\":\"inkan\",\"sub\":\"" + SUB + "\",\"aud\":\"inkan\","
                + "\"iat\":1700000000,\"exp\":1700000900,\"jti\":\"j-1\",\"sid\":\"" + SID + "\",\"rv\":0,\"email_verified\":false,\"roles\":[]}");
        assertThat(utf8(codec.encodeClaims(several))).isEqualTo("{\"iss\":\"inkan\",\"sub\":\"" + SUB + "\",\"aud\":[\"inkan\",\"billing\"],"
                + "\"iat\":1700000000,\"exp\":1700000900,\"nbf\":1700000000,\"jti\":\"j-1\",\"sid\":\"" + SID + "\",\"rv\":0,\"email_verified\":false,\"roles\":[]}");
    }

    @Test
    void header_isWrittenAlgTypKid_andReadBackWithEveryParameterName() {
        byte[] header = codec.encodeHeader(JwsAlgorithm.HS384, "key-1");

        assertThat(utf8(header)).isEqualTo("{\"alg\":\"HS384\",\"typ\":\"JWT\",\"kid\":\"key-1\"}");
        JoseHeaders.Header decoded = codec.decodeHeader(bytes("{\"alg\":\"HS256\",\"kid\":\"k\",\"crit\":[\"x\"],\"x\":{\"y\":1}}"));
        assertThat(decoded.algorithm()).contains("HS256");
        assertThat(decoded.keyId()).contains("k");
        assertThat(decoded.type()).isEmpty();
        assertThat(decoded.names()).isEqualTo(Set.of("alg", "kid", "crit", "x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "[]", "\"text\"", "42", "null", "{", "{\"alg\":\"HS256\"} {}", "{\"alg\":\"HS256\",\"alg\":\"none\"}",
        "{\"alg\":256}", "{\"alg\":\"HS256\",\"kid\":7}", "{\"alg\":\"HS256\",\"typ\":[\"JWT\"]}",
        "{\"alg\":\"HS256\",\"x\":{\"a\":1,\"a\":2}}", "{\"alg\":\"HS256\",\"a\\u006cg\":\"none\"}"
    })
    void malformedHeaders_areRefused(String header) {
        assertRefused(() -> codec.decodeHeader(bytes(header)), Reason.MALFORMED_HEADER);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"exp\":\"1700000900\"", "\"exp\":1700000900.5", "\"exp\":1.7e9", "\"exp\":true", "\"exp\":-1",
        "\"exp\":253402300800", "\"exp\":123456789012345678901234567890", "\"exp\":null", "\"exp\":1700000900e0",
        "\"iat\":\"0\"", "\"nbf\":1.0", "\"iss\":42", "\"jti\":{}", "\"jti\":\"\"", "\"aud\":42", "\"aud\":[]",
        "\"aud\":[\"inkan\",3]", "\"sub\":\"1-1-1-1-1\"", "\"sub\":\"admin\"", "\"sid\":\"{" + SID + "}\"", "\"sub\":42",
        "\"sub\":\"" + SUB + " \"", "\"sid\":\"6f1b1f2e_4c1d_4b7e_9a55_2d1f0e9c8b7a\"",
        "\"roles\":\"admin\"", "\"roles\":{}", "\"roles\":[1]", "\"roles\":[\"\"]", "\"roles\":[\"a\",\"a\"]", "\"roles\":null",
        "\"roles\":[[\"a\"]]", "\"rv\":-1", "\"rv\":1.5", "\"rv\":1e3", "\"rv\":\"1\"", "\"rv\":9007199254740992", "\"rv\":null",
        "\"rv\":false", "\"x\":1e2147483648"
    })
    void claimsOfTheWrongType_areRefused(String override) {
        String name = override.substring(1, override.indexOf('"', 1));
        String json = base().replaceFirst("\"" + name + "\":(\"[^\"]*\"|\\d+)", override.replace("$", "\\$"));
        if (!json.contains(override)) {
            json = base().replace("}", "," + override + "}");
        }

        String finalJson = json;
        assertRefused(() -> codec.decodeClaims(bytes(finalJson)), Reason.MALFORMED_CLAIMS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"iss", "sub", "aud", "iat", "exp", "jti", "sid"})
    void aMissingRegisteredClaim_isRefused(String name) {
        String json = base().replaceFirst("\"" + name + "\":(\"[^\"]*\"|\\d+),?", "").replace(",}", "}");

        assertRefused(() -> codec.decodeClaims(bytes(json)), Reason.MALFORMED_CLAIMS);
    }

    @Test
    void duplicateClaims_trailingData_andInvalidUtf8_areRefused() {
        assertRefused(() -> decode(base().replace("{", "{\"sub\":\"" + UUID.randomUUID() + "\",")), Reason.MALFORMED_CLAIMS);
        assertRefused(() -> decode(base().replace("}", ",\"extra\":{\"a\":1,\"a\":2}}")), Reason.MALFORMED_CLAIMS);
        assertRefused(() -> decode(base().replace("}", ",\"extra\":1,\"extra\":1}")), Reason.MALFORMED_CLAIMS);
        assertRefused(() -> decode(base().replace("}", ",\"nbf\":1,\"nbf\":1}")), Reason.MALFORMED_CLAIMS);
        assertRefused(() -> decode(base() + " {}"), Reason.MALFORMED_CLAIMS);
        assertRefused(() -> decode("[" + base() + "]"), Reason.MALFORMED_CLAIMS);
        byte[] bytes = bytes(base().replace("\"jti\":\"j-1\"", "\"jti\":\"j-XX\""));
        int at = utf8(bytes).indexOf("XX");
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
        "{\"i\\u0073s\":\"inkan\",\"iss\":\"inkan\"}", "{\"x\":1}}", "{\"x\":1} x", "{/**/\"x\":1}", "{\"x\":-01}",
        "{\"x\":1e+}", "{\"x\":\"\\u00\"}", "{\"x\":\"\\", "{\"x\":fals}", "{\"x\":[1 2]}", "{\"x\" : }", "{\"x\":\"\u0000\"}"
    })
    void jsonThatIsNotStrictRfc8259_isRefused(String json) {
        assertRefused(() -> codec.decodeClaims(bytes(json)), Reason.MALFORMED_CLAIMS);
        assertRefused(() -> codec.decodeHeader(bytes(json)), Reason.MALFORMED_HEADER);
    }

    @Test
    void whitespaceEscapesAndUnicode_areReadAsJsonMeansThem() {
        String json = " {\n\t\"i\\u0073s\" : \"ink\\u00e9\\n\\ud83d\\ude00\\/\" ,\r\"sub\":\"" + SUB + "\",\"aud\":[ \"a\" , \"b\u00e9\" ],"
                + "\"iat\":1700000000,\"exp\" : 1700000900 ,\"nbf\":-0,\"jti\":\"j-1\",\"sid\":\"" + SID.toUpperCase() + "\","
                + "\"x\":[true,false,null,-1.5e+3,0,{},[],\"\\\"\"]} \n";

        TokenClaims claims = decode(json);

        assertThat(claims.issuer()).isEqualTo("ink\u00e9\n\ud83d\ude00/");
        assertThat(claims.audience()).containsExactly("a", "b\u00e9");
        assertThat(claims.notBefore()).contains(Instant.EPOCH);
        assertThat(claims.expiresAt()).isEqualTo(Instant.ofEpochSecond(1_700_000_900));
        assertThat(claims.sessionId()).isEqualTo(UUID.fromString(SID));
    }

    @Test
    void anyIssuerOrKeyIdText_roundTrips_throughTheJsonWritten() {
        String text = "q\"uo\\te \u0001\u001f\t\n\r\b\f \u00e9\u20ac\ud83d\ude00 / \u007f";
        TokenClaims claims = new TokenClaims(text, UUID.fromString(SUB), List.of(text, "b"), Instant.ofEpochSecond(0),
                Instant.ofEpochSecond(TokenClaims.LAST_NUMERIC_DATE), Optional.empty(), text, UUID.fromString(SID));

        assertThat(codec.decodeClaims(codec.encodeClaims(claims))).isEqualTo(claims);
        assertThat(codec.decodeHeader(codec.encodeHeader(JwsAlgorithm.HS256, text)).keyId()).contains(text);
    }

    @Test
    void otherClaims_evenNestedOnes_areCustomClaims_andRolesAndRvAreInkans() {
        TokenClaims decoded = decode(base().replace("}", ",\"roles\":[\"admin\"],\"ctx\":{\"a\":{\"b\":[1,2.50,null]}},\"rv\":4,"
                + "\"n\":null,\"t\":true}"));

        assertThat(decoded.subject()).isEqualTo(UUID.fromString(SUB));
        assertThat(decoded.roles()).containsExactly("admin");
        assertThat(decoded.rolesVersion()).isEqualTo(4);
        assertThat(decoded.custom()).isEqualTo(Map.of("ctx", Map.of("a", Map.of("b", Arrays.asList(1L, new BigDecimal("2.50"), null))),
                "t", true));
    }

    @Test
    void rolesRvAndCustomClaims_roundTrip_writtenAfterSid_inTheirOrder() {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("tenant", "acme");
        custom.put("limits", Map.of("n", -3L));
        custom.put("ratio", new BigDecimal("0.125"));
        custom.put("flags", List.of(true, false));
        TokenClaims claims = new TokenClaims("inkan", UUID.fromString(SUB), List.of("inkan"), Instant.ofEpochSecond(1_700_000_000),
                Instant.ofEpochSecond(1_700_000_900), Optional.empty(), "j-1", UUID.fromString(SID), List.of("admin", "b\u00e9"), 9, custom);

        assertThat(codec.decodeClaims(codec.encodeClaims(claims))).isEqualTo(claims);
        assertThat(utf8(codec.encodeClaims(claims))).endsWith("\"sid\":\"" + SID + "\",\"rv\":9,\"email_verified\":false,\"roles\":[\"admin\",\"b\u00e9\"],"
                + "\"tenant\":\"acme\",\"limits\":{\"n\":-3},\"ratio\":0.125,\"flags\":[true,false]}");
    }

    TokenClaims decode(String json) {
        return codec.decodeClaims(bytes(json));
    }

    static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    static String base() {
        return "{\"iss\":\"inkan\",\"sub\":\"" + SUB + "\",\"aud\":\"inkan\",\"iat\":1700000000,\"exp\":1700000900,"
                + "\"jti\":\"j-1\",\"sid\":\"" + SID + "\"}";
    }

    private static TokenClaims claims(List<String> audience, Optional<Instant> notBefore) {
        return new TokenClaims("inkan", UUID.fromString(SUB), audience, Instant.ofEpochSecond(1_700_000_000),
                Instant.ofEpochSecond(1_700_000_900), notBefore, "j-1", UUID.fromString(SID));
    }
}

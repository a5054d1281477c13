package dev.inkan.token;

import static dev.inkan.token.Fixtures.NOW;
import static dev.inkan.token.Fixtures.RULES;
import static dev.inkan.token.Fixtures.SESSION;
import static dev.inkan.token.Fixtures.SID;
import static dev.inkan.token.Fixtures.SUB;
import static dev.inkan.token.Fixtures.USER;
import static dev.inkan.token.Fixtures.assertRefused;
import static dev.inkan.token.Fixtures.claims;
import static dev.inkan.token.Fixtures.signed;
import static dev.inkan.token.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.token.TokenException.Reason;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Custom claims: every JSON value, written after Inkan's own claims in their order, read back equal, refused when JSON cannot carry them. */
class CustomClaimsTest {

    private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}";

    private final JwsKey key = Fixtures.key("k1");
    private final TokenFormat format = new TokenFormat(List.of(key), RULES);

    @Test
    void verifyOfSign_roundTripsCustomClaimsOfEveryType_nested_withAndWithoutNbf_andWithSeveralAudiences() {
        Map<String, Object> custom = everyType();
        List<TokenClaims> all = List.of(
                claims(List.of("admin"), 3, custom),
                new TokenClaims("inkan", USER, List.of("api", "inkan", "\u00e9"), NOW, NOW.plusSeconds(60), Optional.of(NOW.minusSeconds(5)),
                        "jti", SESSION, List.of("a", "b"), TokenClaims.MAX_ROLES_VERSION, custom),
                new TokenClaims("inkan", USER, List.of("inkan", "billing"), NOW, NOW.plusSeconds(60), Optional.empty(), "jti", SESSION,
                        List.of(), 0, Map.of("only", "one")));

        for (TokenClaims claims : all) {
            TokenClaims read = format.verify(format.sign(claims), NOW);

            assertThat(read).isEqualTo(claims);
            assertThat(List.copyOf(read.custom().keySet())).isEqualTo(List.copyOf(claims.custom().keySet()));
        }
    }

    @Test
    void customClaims_areWrittenAfterInkansOwn_inTheirOrder() {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("z", 1L);
        custom.put("a", List.of(true, "x"));
        custom.put("m", Map.of("k", new BigDecimal("1.50")));

        String payload = payloadOf(format.sign(claims(List.of("admin"), 2, custom)));

        assertThat(payload).endsWith(",\"rv\":2,\"email_verified\":false,\"roles\":[\"admin\"],\"z\":1,\"a\":[true,\"x\"],\"m\":{\"k\":1.50}}");
    }

    @Test
    void valuesAreRead_asStringsBooleansLongsBigDecimalsListsAndMaps_inTheirOrder() {
        TokenClaims read = format.verify(tokenWith("\"s\":\"t\\u00e9\",\"t\":true,\"f\":false,\"i\":-9223372036854775808,\"j\":9223372036854775807,"
                + "\"big\":9223372036854775808,\"d\":1.50,\"e\":1E+3,\"z\":-0,\"zd\":-0.0,\"a\":[1,\"x\",null,[],{}],"
                + "\"o\":{\"b\":1,\"a\":{\"c\":null}}"), NOW);

        assertThat(read.custom()).containsExactly(
                Map.entry("s", "t\u00e9"), Map.entry("t", true), Map.entry("f", false), Map.entry("i", Long.MIN_VALUE),
                Map.entry("j", Long.MAX_VALUE), Map.entry("big", new BigDecimal("9223372036854775808")),
                Map.entry("d", new BigDecimal("1.50")), Map.entry("e", new BigDecimal("1E+3")), Map.entry("z", 0L),
                Map.entry("zd", new BigDecimal("0.0")), Map.entry("a", Arrays.asList(1L, "x", null, List.of(), Map.of())),
                Map.entry("o", Map.of("b", 1L, "a", mapOfNull("c"))));
        assertThat(((BigDecimal) read.custom().get("d")).scale()).isEqualTo(2);
        assertThat(List.copyOf(((Map<?, ?>) read.custom().get("o")).keySet())).isEqualTo(List.of("b", "a"));
    }

    @Test
    void aCustomClaimOfJsonNull_isLeftOut_butNullInsideAValueIsKept() {
        TokenClaims read = format.verify(tokenWith("\"gone\":null,\"kept\":[null],\"o\":{\"n\":null}"), NOW);

        assertThat(read.custom()).containsOnlyKeys("kept", "o");
        assertThat(format.verify(format.sign(read), NOW)).isEqualTo(read);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"x\":1,\"x\":2", "\"x\":null,\"x\":null", "\"x\":{\"a\":1,\"a\":2}", "\"x\":[{\"a\":1,\"a\":1}]", "\"x\":{\"y\":{\"a\":{},\"a\":[]}}",
        "\"x\":{\"a\":null,\"\\u0061\":null}", "\"x\":1,\"\\u0078\":1", "\"x\":1e2147483648", "\"x\":1e-2147483648", "\"x\":0.5e-2147483647",
        "\"x\":1e99999999999", "\"x\":[1,]", "\"x\":nul", "\"x\":{\"a\"}"
    })
    void duplicateNamesAtAnyDepth_andNumbersNoBigDecimalHolds_areRefused_asMalformedClaims(String members) {
        assertRefused(() -> format.verify(tokenWith(members), NOW), Reason.MALFORMED_CLAIMS);
    }

    @Test
    void nesting_isReadUpToTheReadersLimit_andRefusedBeyondIt() {
        int depth = JsonReader.MAX_DEPTH;

        TokenClaims deepest = format.verify(tokenWith("\"x\":" + "[".repeat(depth) + "]".repeat(depth)), NOW);

        assertThat(format.verify(format.sign(deepest), NOW)).isEqualTo(deepest);
        assertRefused(() -> format.verify(tokenWith("\"x\":" + "[".repeat(depth + 1) + "]".repeat(depth + 1)), NOW), Reason.MALFORMED_CLAIMS);
        assertThatThrownBy(() -> claims(List.of(), 0, Map.of("x", nested(depth)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'x'").hasMessageContaining("deeper");
        assertThat(claims(List.of(), 0, Map.of("x", nested(depth - 1))).custom()).isEqualTo(deepest.custom());
    }

    @Test
    void everyReservedName_isRefusedAsACustomClaim_namingIt() {
        assertThat(TokenClaims.RESERVED_NAMES).containsExactly("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "sid", "roles", "rv", "email_verified");
        for (String name : TokenClaims.RESERVED_NAMES) {
            assertThatThrownBy(() -> format.sign(claims(List.of(), 0, Map.of(name, "x")))).as(name)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + name + "'");
        }
        assertThatThrownBy(() -> TokenClaims.RESERVED_NAMES.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void valuesJsonCannotCarryExactly_areRefused_namingTheClaim() {
        Map<String, Object> nullValue = new HashMap<>();
        nullValue.put("n", null);
        Map<Object, Object> integerKey = Map.of(1, "one");
        Map<Object, Object> nullKey = new HashMap<>();
        nullKey.put(null, "none");
        List<Object> refused = List.of(1.5, 1.5f, Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, BigInteger.ONE,
                new AtomicLong(1), new Object(), Set.of("a"), 'c', new String[] {"a"}, integerKey, nullKey, List.of(List.of(2.5)),
                Map.of("a", Optional.empty()), "bad \ud800 text", Map.of("k\udc00", 1L), new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE));

        for (Object value : refused) {
            assertThatThrownBy(() -> format.sign(claims(List.of(), 0, Map.of("claim", value)))).as("%s", value)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'claim'");
        }
        assertThatThrownBy(() -> claims(List.of(), 0, nullValue)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'n'");
        assertThatThrownBy(() -> claims(List.of(), 0, Map.of("d", 0.1))).hasMessageContaining("use a BigDecimal or a long");
        assertThatThrownBy(() -> claims(List.of(), 0, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void integersOfEveryWidth_andWholeBigDecimals_areHeldAsLongs_soTheyReadBackEqual() {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("int", 7);
        custom.put("short", (short) -8);
        custom.put("byte", (byte) 9);
        custom.put("whole", new BigDecimal("10"));
        custom.put("min", new BigDecimal(Long.MIN_VALUE));
        custom.put("beyond", new BigDecimal("9223372036854775808"));
        custom.put("scaled", new BigDecimal("10.0"));
        custom.put("inside", List.of(1, Map.of("k", (short) 2)));

        TokenClaims claims = claims(List.of(), 0, custom);

        assertThat(claims.custom()).containsExactly(Map.entry("int", 7L), Map.entry("short", -8L), Map.entry("byte", 9L),
                Map.entry("whole", 10L), Map.entry("min", Long.MIN_VALUE), Map.entry("beyond", new BigDecimal("9223372036854775808")),
                Map.entry("scaled", new BigDecimal("10.0")), Map.entry("inside", List.of(1L, Map.of("k", 2L))));
        assertThat(format.verify(format.sign(claims), NOW)).isEqualTo(claims);
    }

    @Test
    void customClaims_areCopiedDeeply_andUnmodifiable() {
        List<Object> list = new ArrayList<>(List.of("a"));
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("list", list);
        TokenClaims claims = claims(List.of(), 0, custom);
        list.add("b");
        custom.put("later", 1L);

        assertThat(claims.custom()).containsExactly(Map.entry("list", List.of("a")));
        assertThatThrownBy(() -> claims.custom().put("x", 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) claims.custom().get("list")).clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(claims().custom()).isEmpty();
    }

    @Test
    void manyCustomClaims_overTheLimit_areRefusedAtSignTime() {
        Map<String, Object> custom = new LinkedHashMap<>();
        for (int i = 0; i < 400; i++) {
            custom.put("claim-" + i, "value-" + i);
        }

        assertThatThrownBy(() -> format.sign(claims(List.of(), 0, custom))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("over the " + CompactJws.MAX_LENGTH + "-byte limit");
    }

    static Map<String, Object> everyType() {
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("tenant", "acme \u00e9\u65e5\ud83d\ude00 \"q\" \\ \n");
        custom.put("beta", true);
        custom.put("legacy", false);
        custom.put("quota", 1_000_000_000_000L);
        custom.put("negative", Long.MIN_VALUE);
        custom.put("price", new BigDecimal("-12.50"));
        custom.put("tiny", new BigDecimal("1E-7"));
        custom.put("huge", new BigDecimal("1E+400"));
        custom.put("long digits", new BigDecimal("123456789012345678901234567890"));
        custom.put("tags", List.of("a", 1L, List.of(), Map.of()));
        custom.put("", "an empty name");
        custom.put("ctx", Map.of("org", Map.of("id", 42L, "units", List.of("x", Map.of("deep", true)))));
        custom.put("nulls", Arrays.asList(null, "after null"));
        return custom;
    }

    private static Map<String, Object> mapOfNull(String name) {
        Map<String, Object> map = new HashMap<>();
        map.put(name, null);
        return map;
    }

    /** Empty lists nested {@code levels} deep inside the outer one: a claim of {@code levels + 1} levels. */
    private static List<Object> nested(int levels) {
        List<Object> inner = List.of();
        for (int i = 0; i < levels; i++) {
            inner = List.of(inner);
        }
        return inner;
    }

    private String tokenWith(String members) {
        String json = "{\"iss\":\"inkan\",\"sub\":\"" + SUB + "\",\"aud\":\"inkan\",\"iat\":" + NOW.getEpochSecond() + ",\"exp\":"
                + (NOW.getEpochSecond() + 900) + ",\"jti\":\"jti-1\",\"sid\":\"" + SID + "\"," + members + "}";
        return signed(key, HEADER, json);
    }

    private static String payloadOf(String token) {
        return utf8(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}

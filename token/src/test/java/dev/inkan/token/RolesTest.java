package dev.inkan.token;

import static dev.inkan.token.Fixtures.NOW;
import static dev.inkan.token.Fixtures.RULES;
import static dev.inkan.token.Fixtures.SID;
import static dev.inkan.token.Fixtures.SUB;
import static dev.inkan.token.Fixtures.assertRefused;
import static dev.inkan.token.Fixtures.claims;
import static dev.inkan.token.Fixtures.signed;
import static dev.inkan.token.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.token.TokenException.Reason;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The roles and the roles version a token carries: written always, read strictly, absent in old tokens. */
class RolesTest {

    private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}";

    private final JwsKey key = Fixtures.key("k1");
    private final TokenFormat format = new TokenFormat(List.of(key), RULES);

    @Test
    void verifyOfSign_roundTripsRoles_none_one_three_sixtyFour_andNonAscii() {
        List<List<String>> all = List.of(
                List.of(),
                List.of("admin"),
                List.of("admin", "billing:read", "support"),
                roles(TokenClaims.MAX_ROLES),
                List.of("\u00e9diteur", "\u65e5\u672c", "\ud83d\ude00", "q\"uo\\te", "tab\there", "a/b"));

        for (List<String> roles : all) {
            TokenClaims claims = claims(roles, 7, Map.of());

            assertThat(format.verify(format.sign(claims), NOW)).as("%s", roles).isEqualTo(claims);
            assertThat(format.verify(format.sign(claims), NOW).roles()).containsExactlyElementsOf(roles);
        }
    }

    @Test
    void verifyOfSign_roundTripsTheRolesVersion_zero_one_andTheLargest() {
        for (long rv : new long[] {0, 1, TokenClaims.MAX_ROLES_VERSION}) {
            TokenClaims claims = claims(List.of("admin"), rv, Map.of());

            assertThat(format.verify(format.sign(claims), NOW).rolesVersion()).isEqualTo(rv);
            assertThat(format.verify(format.sign(claims), NOW)).isEqualTo(claims);
        }
        assertThat(TokenClaims.MAX_ROLES_VERSION).isEqualTo(9_007_199_254_740_991L);
    }

    @Test
    void theWriter_putsRvAndRolesAfterSid_always_evenWithNoRoles() {
        String none = payloadOf(format.sign(claims(List.of(), 0, Map.of())));
        String three = payloadOf(format.sign(claims(List.of("a", "b", "c"), 42, Map.of())));

        assertThat(none).endsWith(",\"sid\":\"" + SID + "\",\"rv\":0,\"email_verified\":false,\"roles\":[]}");
        assertThat(three).endsWith(",\"sid\":\"" + SID + "\",\"rv\":42,\"email_verified\":false,\"roles\":[\"a\",\"b\",\"c\"]}");
    }

    @Test
    void anOldToken_withoutRvOrRoles_verifies_withNoRolesAndVersionZero() {
        String old = "{\"iss\":\"inkan\",\"sub\":\"" + SUB + "\",\"aud\":\"inkan\",\"iat\":" + NOW.getEpochSecond() + ",\"exp\":"
                + (NOW.getEpochSecond() + 900) + ",\"jti\":\"jti-1\",\"sid\":\"" + SID + "\"}";

        TokenClaims read = format.verify(signed(key, HEADER, old), NOW);

        assertThat(read.roles()).isEmpty();
        assertThat(read.rolesVersion()).isZero();
        assertThat(read.custom()).isEmpty();
        assertThat(read).isEqualTo(claims());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"roles\":\"admin\"", "\"roles\":{\"admin\":true}", "\"roles\":[\"admin\",1]", "\"roles\":[\"\"]",
        "\"roles\":[\"admin\",\"admin\"]", "\"roles\":[\"a\\u0064min\",\"admin\"]", "\"roles\":[\"admin\"],\"roles\":[\"billing\"]",
        "\"roles\":[],\"roles\":[]", "\"roles\":null", "\"roles\":[null]", "\"roles\":[[\"admin\"]]", "\"roles\":true", "\"roles\":[\"admin\",]",
        "\"rv\":-1", "\"rv\":1.5", "\"rv\":1.0", "\"rv\":1e3", "\"rv\":1E0", "\"rv\":\"1\"", "\"rv\":9007199254740992",
        "\"rv\":18446744073709551616", "\"rv\":null", "\"rv\":true", "\"rv\":[1]", "\"rv\":01", "\"rv\":1,\"rv\":1",
        "\"email_verified\":1", "\"email_verified\":\"true\"", "\"email_verified\":null", "\"email_verified\":[true]",
        "\"email_verified\":tru", "\"email_verified\":True", "\"email_verified\":true,\"email_verified\":true"
    })
    void rolesOrRvOfTheWrongType_areRefused_asMalformedClaims(String member) {
        assertRefused(() -> format.verify(tokenWith(member), NOW), Reason.MALFORMED_CLAIMS);
    }

    @Test
    void emailVerified_roundTrips_andAnOldTokenWithoutIt_saysNotVerified() {
        TokenClaims verified = new TokenClaims("inkan", UUID.fromString(SUB), List.of("inkan"), NOW, NOW.plusSeconds(900), Optional.empty(),
                "jti-1", UUID.fromString(SID), List.of("admin"), 3, Map.of(), true);

        String token = format.sign(verified);

        assertThat(payloadOf(token)).contains(",\"rv\":3,\"email_verified\":true,\"roles\":[\"admin\"]}");
        assertThat(format.verify(token, NOW)).isEqualTo(verified);
        assertThat(format.verify(tokenWith(" \"email_verified\" : true "), NOW).emailVerified()).isTrue();
        assertThat(format.verify(tokenWith("\"roles\":[]"), NOW).emailVerified()).isFalse();
    }

    @Test
    void sixtyFiveRoles_areRefused_asMalformedClaims_andSixtyFourAreNot() {
        assertRefused(() -> format.verify(tokenWith("\"roles\":" + json(roles(TokenClaims.MAX_ROLES + 1))), NOW), Reason.MALFORMED_CLAIMS);
        assertThat(format.verify(tokenWith("\"roles\":" + json(roles(TokenClaims.MAX_ROLES))), NOW).roles()).hasSize(TokenClaims.MAX_ROLES);
    }

    @Test
    void rolesAndRv_inAnyOrder_withWhitespaceOrEscapes_orMinusZero_areReadAsJsonMeansThem() {
        TokenClaims read = format.verify(tokenWith(" \"r\\u006fles\" : [ \"b\\u00e9\" , \"admin\" ] , \"rv\" : -0 "), NOW);
        TokenClaims largest = format.verify(tokenWith("\"rv\":9007199254740991,\"email_verified\":false,\"roles\":[\"a\"]"), NOW);

        assertThat(read.roles()).containsExactly("b\u00e9", "admin");
        assertThat(read.rolesVersion()).isZero();
        assertThat(largest.rolesVersion()).isEqualTo(TokenClaims.MAX_ROLES_VERSION);
        assertThat(largest.roles()).containsExactly("a");
    }

    @Test
    void theConstructor_refusesWhatTheReaderRefuses() {
        List<String> withNull = new ArrayList<>(List.of("admin"));
        withNull.add(null);

        assertThatThrownBy(() -> claims(withNull, 0, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("roles").hasMessageContaining("null");
        assertThatThrownBy(() -> claims(List.of("admin", ""), 0, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("roles").hasMessageContaining("empty");
        assertThatThrownBy(() -> claims(List.of("admin", "billing", "admin"), 0, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'admin' appears twice");
        assertThatThrownBy(() -> claims(roles(TokenClaims.MAX_ROLES + 1), 0, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 64");
        assertThatThrownBy(() -> claims(null, 0, Map.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> claims(List.of(), -1, Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rv");
        assertThatThrownBy(() -> claims(List.of(), TokenClaims.MAX_ROLES_VERSION + 1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9007199254740991");
    }

    @Test
    void theRoles_areCopied_andUnmodifiable() {
        List<String> roles = new ArrayList<>(List.of("admin"));
        TokenClaims claims = claims(roles, 0, Map.of());
        roles.add("billing");

        assertThat(claims.roles()).containsExactly("admin");
        assertThatThrownBy(() -> claims.roles().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aTokenAtTheLimit_isSigned_andOneByteMoreOfClaims_isRefused_atSignTime() {
        int longest = longestRoleThatFits();
        TokenClaims under = claims(List.of("r".repeat(longest)), 0, Map.of());
        TokenClaims over = claims(List.of("r".repeat(longest + 1)), 0, Map.of());
        int overLength = CompactJws.length(headerSegment(), ClaimsWriter.write(over).length, key);

        String token = format.sign(under);
        assertThat(token).hasSize(CompactJws.MAX_LENGTH);
        assertThat(format.verify(token, NOW)).isEqualTo(under);
        assertThat(overLength).as("base64url skips 4k+1 characters").isEqualTo(CompactJws.MAX_LENGTH + 2);
        assertThatThrownBy(() -> format.sign(over)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the access token would be " + overLength + " bytes, over the " + CompactJws.MAX_LENGTH
                        + "-byte limit: fewer or shorter roles or custom claims");
    }

    @Test
    void theLimit_countsTheSignatureOfTheSigningKey() {
        JwsKey strong = Fixtures.key("k1", JwsAlgorithm.HS512);
        TokenFormat longerMacs = new TokenFormat(List.of(strong), RULES);
        TokenClaims fitsHs256 = claims(List.of("r".repeat(longestRoleThatFits())), 0, Map.of());

        assertThat(format.sign(fitsHs256)).hasSize(CompactJws.MAX_LENGTH);
        assertThatThrownBy(() -> longerMacs.sign(fitsHs256)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    }

    /** The length of one role that makes the token exactly as long as verify accepts, found from the payload's length. */
    private int longestRoleThatFits() {
        int length = 1;
        while (CompactJws.length(headerSegment(), ClaimsWriter.write(claims(List.of("r".repeat(length + 1)), 0, Map.of())).length, key)
                <= CompactJws.MAX_LENGTH) {
            length++;
        }
        return length;
    }

    private byte[] headerSegment() {
        return new JoseHeaders(List.of(key)).signingHeader();
    }

    /** A token with the usual claims and {@code member} as well, signed with the format's key. */
    private String tokenWith(String member) {
        String json = "{\"iss\":\"inkan\",\"sub\":\"" + SUB + "\",\"aud\":\"inkan\",\"iat\":" + NOW.getEpochSecond() + ",\"exp\":"
                + (NOW.getEpochSecond() + 900) + ",\"jti\":\"jti-1\",\"sid\":\"" + SID + "\"," + member + "}";
        return signed(key, HEADER, json);
    }

    private static List<String> roles(int count) {
        return IntStream.range(0, count).mapToObj(i -> "role-" + i).toList();
    }

    private static String json(List<String> roles) {
        return roles.stream().map(role -> "\"" + role + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static String payloadOf(String token) {
        return utf8(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}

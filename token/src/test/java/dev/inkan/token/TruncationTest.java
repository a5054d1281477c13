package dev.inkan.token;

import static dev.inkan.token.Fixtures.NOW;
import static dev.inkan.token.Fixtures.RULES;
import static dev.inkan.token.Fixtures.SID;
import static dev.inkan.token.Fixtures.SUB;
import static dev.inkan.token.Fixtures.assertRefused;
import static dev.inkan.token.Fixtures.claims;
import static dev.inkan.token.Fixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.inkan.token.TokenException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reading past the end: every truncation of a valid header or claims text, wherever it cuts (inside
 * a literal, a number, an escape, a UTF-8 sequence, a UUID), is refused as malformed, and never with
 * another exception.
 */
class TruncationTest {

    /** Valid texts that end with their closing brace, so that every shorter prefix is invalid JSON. */
    private static final List<byte[]> TEXTS = List.of(
            JsonContract.bytes(InkanJsonTest.OWN_LAYOUT),
            JsonContract.bytes(InkanJsonTest.CLAIMS),
            JsonContract.bytes(InkanJsonTest.HEADER),
            JsonContract.bytes(" {\n\t\"i\\u0073s\" : \"ink\\u00e9\\n\\ud83d\\ude00\\/\" ,\r\"sub\":\"" + SUB + "\",\"aud\":[ \"a\" , \"b\" ],"
                    + "\"iat\":1700000000,\"exp\" : 1700000900 ,\"nbf\":-0,\"jti\":\"j-1\",\"sid\":\"" + SID + "\","
                    + "\"x\":[true,false,null,-1.5e+3,0,{},[],\"\\\"\"]}"),
            InkanJsonTest.withBytes(InkanJsonTest.claimsWith("\"jti\":\"", ""), HexFormat.of().parseHex("7fc2a0e282acefbfbdf09f9880f48fbfbf"), "\"}"),
            JsonContract.bytes("{\"alg\":\"HS256\",\"kid\":\"k\\u00e9\\ud83d\\ude00\",\"x\":-12.5E-3,\"y\":\"\u00e9\u20ac\ud83d\ude00\"}"));

    private final JsonCodec codec = JsonCodec.inkan();

    @Test
    void everyTruncation_ofAValidText_isRefusedAsMalformed_byBothReaders() {
        for (byte[] text : TEXTS) {
            assertThatCode(() -> codec.decodeHeader(text)).doesNotThrowAnyException();
            for (int length = 0; length < text.length; length++) {
                byte[] cut = Arrays.copyOf(text, length);
                String as = new String(cut, StandardCharsets.UTF_8);
                assertRefused(() -> codec.decodeClaims(cut), Reason.MALFORMED_CLAIMS);
                assertRefused(() -> codec.decodeHeader(cut), Reason.MALFORMED_HEADER);
                assertThat(outcome(cut)).as(as).isTrue();
            }
        }
    }

    @Test
    void everyTruncation_ofTheOwnLayout_leavesTheFastPath_withoutAnException() {
        ClaimsReader reader = new ClaimsReader(RULES);
        for (TokenClaims claims : List.of(claims(), claims(List.of("admin", "billing:read", "x"), 12_345, Map.of()))) {
            byte[] own = ClaimsWriter.write(claims);

            assertThat(reader.ownLayout(own)).isEqualTo(claims);
            for (int length = 0; length < own.length; length++) {
                assertThat(reader.ownLayout(Arrays.copyOf(own, length))).isNull();
            }
        }
    }

    @Test
    void everyTruncation_ofASignedHeaderOrClaims_isRefusedAsMalformed() {
        JwsKey key = Fixtures.key("k1");
        TokenFormat format = new TokenFormat(List.of(key), RULES);
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}";
        byte[] claims = ClaimsWriter.write(claims());

        for (int length = 0; length < header.length(); length++) {
            String token = signed(key, header.substring(0, length), claims);
            assertRefused(() -> format.verify(token, NOW), length == 0 ? Reason.MALFORMED : Reason.MALFORMED_HEADER);
        }
        for (int length = 0; length < claims.length; length++) {
            String token = signed(key, header, Arrays.copyOf(claims, length));
            assertRefused(() -> format.verify(token, NOW), length == 0 ? Reason.MALFORMED : Reason.MALFORMED_CLAIMS);
        }
    }

    @Test
    void everyTruncation_ofAToken_isRefused_withATokenException() {
        TokenFormat format = new TokenFormat(List.of(Fixtures.key("k1")), RULES);
        String token = format.sign(claims(List.of("admin"), 3, CustomClaimsTest.everyType()));

        for (int length = 0; length < token.length(); length++) {
            String cut = token.substring(0, length);
            assertThatCode(() -> {
                try {
                    format.verify(cut, NOW);
                } catch (TokenException refused) {
                    return;
                }
                throw new AssertionError("accepted " + cut);
            }).doesNotThrowAnyException();
        }
    }

    /** @return whether the general claims reader, the fast path behind it, and the header reader each refused it with a TokenException */
    private boolean outcome(byte[] cut) {
        ClaimsReader reader = new ClaimsReader(RULES);
        if (reader.ownLayout(cut) != null) {
            return false;
        }
        try {
            reader.anyLayout(cut);
            return false;
        } catch (TokenException refused) {
            return refused.reason() == Reason.MALFORMED_CLAIMS;
        }
    }
}

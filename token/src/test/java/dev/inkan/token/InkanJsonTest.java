package dev.inkan.token;

import static dev.inkan.token.Fixtures.SID;
import static dev.inkan.token.Fixtures.SUB;
import static dev.inkan.token.Fixtures.assertRefused;
import static dev.inkan.token.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.token.TokenException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Inkan's own JSON reader and writer: the contract, the strictness beyond it, and the differential test against Jackson. */
class InkanJsonTest extends JsonContract {

    static final String CLAIMS = "{\"iss\":\"inkan\",\"sub\":\"" + SUB + "\",\"aud\":[\"inkan\",\"b\"],\"iat\":1700000000,"
            + "\"exp\":1700000900,\"nbf\":1700000000,\"jti\":\"j-1\",\"sid\":\"" + SID + "\",\"rv\":12,\"email_verified\":false,\"roles\":[\"a\",\"b\\u00e9\"],"
            + "\"x\":{\"y\":[1,-2.5e3,true,null,{\"z\":\"\\u00e9\\n\"}],\"w\":false},\"n\":-9223372036854775808,\"d\":10.50,\"s\":\"t\"}";
    /** Claims as Inkan writes them, which the reader takes on its fast path when nothing was edited. */
    static final String OWN_LAYOUT = "{\"iss\":\"inkan\",\"sub\":\"" + SUB + "\",\"aud\":\"inkan\",\"iat\":1700000000,"
            + "\"exp\":1700000900,\"jti\":\"" + SID.replace('6', '7') + "\",\"sid\":\"" + SID + "\",\"rv\":30,"
            + "\"email_verified\":false,\"roles\":[\"admin\",\"billing:read\",\"r\"]}";
    static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k\\/1\",\"x\":[{\"a\":0},\"b\"]}";
    /** What mutations insert: the bytes that make or break JSON structure, numbers, literals and escapes. */
    private static final byte[] ALPHABET = "{}[]\":,\\ \t\n0123456789-+.eEtrufalsnx/".getBytes(StandardCharsets.US_ASCII);

    private final JsonCodec codec = JsonCodec.inkan();
    private final JsonCodec reference = new JacksonReference();

    @Override
    JsonCodec codec() {
        return JsonCodec.inkan();
    }

    /** Differential test: near-valid JSON from random edits gets the same answer as from Jackson, accepted or refused. */
    @Test
    void agreesWithJackson_onHeadersAndClaimsWithRandomEdits() {
        Random random = new Random(7515);
        int accepted = 0;
        int acceptedWithRoles = 0;
        for (int i = 0; i < 30_000; i++) {
            boolean claims = i % 3 != 0;
            byte[] json = mutate(bytes(i % 3 == 0 ? HEADER : i % 3 == 1 ? CLAIMS : OWN_LAYOUT), random);
            Object ours = outcome(json, claims ? codec::decodeClaims : codec::decodeHeader);
            Object theirs = outcome(json, claims ? reference::decodeClaims : reference::decodeHeader);

            assertThat(ours).as(utf8(json)).isEqualTo(theirs);
            accepted += ours instanceof Reason ? 0 : 1;
            acceptedWithRoles += ours instanceof TokenClaims read && !read.roles().isEmpty() && read.rolesVersion() != 0 ? 1 : 0;
        }
        assertThat(accepted).as("edits that keep the JSON valid, so acceptance is compared too").isGreaterThan(1_000);
        assertThat(acceptedWithRoles).as("accepted edits of roles, rv and custom claims").isGreaterThan(500);
    }

    @Test
    void theLayoutInkanWrites_isReadAsTheGeneralReaderReadsIt() {
        TokenClaims claims = codec.decodeClaims(bytes(OWN_LAYOUT));

        assertThat(new ClaimsReader(Fixtures.RULES).ownLayout(bytes(OWN_LAYOUT))).isEqualTo(claims);
        assertThat(claims.roles()).containsExactly("admin", "billing:read", "r");
        assertThat(utf8(codec.encodeClaims(claims))).isEqualTo(OWN_LAYOUT);
        assertThat(claims).isEqualTo(reference.decodeClaims(bytes(OWN_LAYOUT)));
        assertThat(codec.decodeClaims(bytes(CLAIMS))).isEqualTo(reference.decodeClaims(bytes(CLAIMS)));
        assertThat(codec.decodeClaims(bytes(CLAIMS)).custom()).containsOnlyKeys("x", "n", "d", "s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"c0af", "c1bf", "e080af", "eda080", "edbfbf", "f08080af", "f4908080", "f5808080", "ff", "80", "bf",
        "e282", "c3", "c328", "e228a1", "f0", "f09f", "f09f98", "f09f9828"})
    void malformedUtf8_isRefused_inValuesAndInNames(String hex) {
        byte[] bad = HexFormat.of().parseHex(hex);

        assertRefusedAsBoth(withBytes("{\"x\":\"a", bad, "b\"}"));
        assertRefusedAsBoth(withBytes("{\"a", bad, "\":1}"));
        assertRefusedAsBoth(withBytes("{\"x\":\"a", bad, ""));
    }

    @Test
    void wellFormedUtf8_ofEveryLength_isAccepted() {
        byte[] json = withBytes(claimsWith("\"jti\":\"", ""), HexFormat.of().parseHex("7fc2a0e282acefbfbdf09f9880f48fbfbf"), "\"}");

        assertThat(codec.decodeClaims(json).tokenId()).isEqualTo("\u007f\u00a0\u20ac\ufffd\ud83d\ude00\udbff\udfff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud800", "\\udc00", "\\ud800\\u0041", "\\ud800x", "\\udbff\\ud800", "\\ud800\\", "\\ud800\\u", "\\ud800\\udc0"})
    void unpairedSurrogateEscapes_areRefused(String escapes) {
        assertRefusedAsBoth(bytes("{\"x\":\"" + escapes + "\"}"));
    }

    @Test
    void nesting_isRefusedPastTheLimit_andAcceptedUpToIt() {
        int depth = JsonReader.MAX_DEPTH;
        String within = "[".repeat(depth) + "]".repeat(depth);
        String beyond = "[".repeat(depth + 1) + "]".repeat(depth + 1);
        // A scalar counts as a level too: the innermost of 63 objects holds its 1 at the 64th.
        String objects = "{\"a\":".repeat(depth - 1) + "1" + "}".repeat(depth - 1);

        assertThat(decode(claimsWith("\"x\":" + within, "}")).issuer()).isEqualTo("inkan");
        assertThat(decode(claimsWith("\"x\":" + objects, "}")).issuer()).isEqualTo("inkan");
        assertRefused(() -> decode(claimsWith("\"x\":" + beyond, "}")), Reason.MALFORMED_CLAIMS);
        assertRefused(() -> decode(claimsWith("\"x\":{\"a\":" + objects, "}}")), Reason.MALFORMED_CLAIMS);
    }

    @Test
    void textThatUtf8CannotCarry_isNotWritten() {
        TokenClaims claims = new TokenClaims("in\ud800kan", UUID.fromString(SUB), List.of("inkan"), Instant.EPOCH,
                Instant.EPOCH, Optional.empty(), "j", UUID.fromString(SID));

        assertThatThrownBy(() -> codec.encodeClaims(claims)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codec.encodeHeader(JwsAlgorithm.HS256, "k\udc00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writtenStrings_escapeOnlyWhatJsonRequires_andControlsAsShortFormsOrHex() {
        TokenClaims claims = new TokenClaims("a\"b\\c/d\u0001\u001f\b\f\n\r\t\u007f\u00e9", UUID.fromString(SUB), List.of("inkan"),
                Instant.EPOCH, Instant.EPOCH, Optional.empty(), "j", UUID.fromString(SID));

        assertThat(utf8(codec.encodeClaims(claims))).startsWith("{\"iss\":\"a\\\"b\\\\c/d\\u0001\\u001f\\b\\f\\n\\r\\t\u007f\u00e9\",");
    }

    private static byte[] mutate(byte[] json, Random random) {
        byte[] out = json;
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = random.nextInt(out.length);
            ByteArrayOutputStream next = new ByteArrayOutputStream(out.length + 1);
            next.write(out, 0, at);
            switch (random.nextInt(3)) {
                case 0 -> next.write(out, at + 1, out.length - at - 1); // delete
                case 1 -> { // insert
                    next.write(ALPHABET[random.nextInt(ALPHABET.length)]);
                    next.write(out, at, out.length - at);
                }
                default -> { // replace
                    next.write(ALPHABET[random.nextInt(ALPHABET.length)]);
                    next.write(out, at + 1, out.length - at - 1);
                }
            }
            out = next.toByteArray();
        }
        return out;
    }

    /** @return the decoded value, or the reason it was refused */
    private static Object outcome(byte[] json, Function<byte[], ?> decoder) {
        try {
            return decoder.apply(json);
        } catch (TokenException e) {
            return e.reason();
        }
    }

    private void assertRefusedAsBoth(byte[] json) {
        assertRefused(() -> codec.decodeClaims(json), Reason.MALFORMED_CLAIMS);
        assertRefused(() -> codec.decodeHeader(json), Reason.MALFORMED_HEADER);
    }

    static byte[] withBytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(before));
        out.writeBytes(middle);
        out.writeBytes(bytes(after));
        return out.toByteArray();
    }

    /** The usual claims with {@code extra} as the last member, followed by {@code end}. */
    static String claimsWith(String extra, String end) {
        return "{\"iss\":\"inkan\",\"sub\":\"" + SUB + "\",\"aud\":\"inkan\",\"iat\":1700000000,\"exp\":1700000900,"
                + "\"sid\":\"" + SID + "\"," + (extra.startsWith("\"jti\"") ? "" : "\"jti\":\"j-1\",") + extra + end;
    }
}

package dev.inkan.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.application.port.out.ClaimsCodec;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.InvalidTokenException.Reason;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonClaimsCodecTest extends ClaimsCodecContract {

    private static final String CLAIMS = "{\"iss\":\"inkan\",\"sub\":\"" + SUB + "\",\"aud\":[\"inkan\",\"b\"],\"iat\":1700000000,"
            + "\"exp\":1700000900,\"nbf\":1700000000,\"jti\":\"j-1\",\"sid\":\"" + SID + "\","
            + "\"x\":{\"y\":[1,-2.5e3,true,null,{\"z\":\"\\u00e9\\n\"}],\"w\":false}}";
    /** Claims as Inkan writes them, which the reader takes on its fast path when nothing was edited. */
    private static final String OWN_LAYOUT = "{\"iss\":\"inkan\",\"sub\":\"" + SUB + "\",\"aud\":\"inkan\",\"iat\":1700000000,"
            + "\"exp\":1700000900,\"jti\":\"" + SID.replace('6', '7') + "\",\"sid\":\"" + SID + "\"}";
    private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k\\/1\",\"x\":[{\"a\":0},\"b\"]}";
    /** What mutations insert: the bytes that make or break JSON structure, numbers, literals and escapes. */
    private static final byte[] ALPHABET = "{}[]\":,\\ \t\n0123456789-+.eEtrufalsnx/".getBytes(StandardCharsets.US_ASCII);

    private final StrictJsonClaimsCodec codec = new StrictJsonClaimsCodec();
    private final JacksonClaimsCodec reference = new JacksonClaimsCodec();

    @Override
    ClaimsCodec codec() {
        return new StrictJsonClaimsCodec();
    }

    /** Differential test: near-valid JSON from random edits gets the same answer as from Jackson, accepted or refused. */
    @Test
    void agreesWithJackson_onHeadersAndClaimsWithRandomEdits() {
        Random random = new Random(7515);
        int accepted = 0;
        for (int i = 0; i < 30_000; i++) {
            boolean claims = i % 3 != 0;
            byte[] json = mutate((i % 3 == 0 ? HEADER : i % 3 == 1 ? CLAIMS : OWN_LAYOUT).getBytes(StandardCharsets.UTF_8), random);
            Object ours = outcome(json, claims ? codec::decodeClaims : codec::decodeHeader);
            Object theirs = outcome(json, claims ? reference::decodeClaims : reference::decodeHeader);

            assertThat(ours).as(new String(json, StandardCharsets.UTF_8)).isEqualTo(theirs);
            accepted += ours instanceof Reason ? 0 : 1;
        }
        assertThat(accepted).as("edits that keep the JSON valid, so acceptance is compared too").isGreaterThan(1_000);
    }

    @Test
    void theLayoutInkanWrites_isReadAsTheGeneralReaderReadsIt() {
        AccessTokenClaims claims = codec.decodeClaims(OWN_LAYOUT.getBytes(StandardCharsets.UTF_8));

        assertThat(new String(codec.encodeClaims(claims), StandardCharsets.UTF_8)).isEqualTo(OWN_LAYOUT);
        assertThat(claims).isEqualTo(reference.decodeClaims(OWN_LAYOUT.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"c0af", "c1bf", "e080af", "eda080", "edbfbf", "f08080af", "f4908080", "f5808080", "ff", "80", "bf",
        "e282", "c3", "c328", "e228a1"})
    void malformedUtf8_isRefused_inValuesAndInNames(String hex) {
        byte[] bad = HexFormat.of().parseHex(hex);

        assertRefused(withBytes("{\"x\":\"a", bad, "b\"}"));
        assertRefused(withBytes("{\"a", bad, "\":1}"));
    }

    @Test
    void wellFormedUtf8_ofEveryLength_isAccepted() {
        byte[] json = withBytes(claimsWith("\"jti\":\"", ""), HexFormat.of().parseHex("7fc2a0e282acefbfbdf09f9880f48fbfbf"), "\"}");

        assertThat(codec.decodeClaims(json).tokenId()).isEqualTo("\u007f\u00a0\u20ac\ufffd\ud83d\ude00\udbff\udfff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud800", "\\udc00", "\\ud800\\u0041", "\\ud800x", "\\udbff\\ud800"})
    void unpairedSurrogateEscapes_areRefused(String escapes) {
        assertRefused(("{\"x\":\"" + escapes + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nesting_isRefusedPastTheLimit_andAcceptedUpToIt() {
        int depth = StrictJsonClaimsCodec.MAX_DEPTH;
        String within = "[".repeat(depth) + "]".repeat(depth);
        String beyond = "[".repeat(depth + 1) + "]".repeat(depth + 1);

        assertThat(codec.decodeClaims(claimsWith("\"x\":" + within, "}").getBytes(StandardCharsets.UTF_8)).issuer()).isEqualTo("inkan");
        assertRefused(claimsWith("\"x\":" + beyond, "}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void textThatUtf8CannotCarry_isNotWritten() {
        AccessTokenClaims claims = new AccessTokenClaims("in\ud800kan", UserId.parse(SUB), List.of("inkan"), Instant.EPOCH,
                Instant.EPOCH, Optional.empty(), "j", SessionId.parse(SID));

        assertThatThrownBy(() -> codec.encodeClaims(claims)).isInstanceOf(IllegalArgumentException.class);
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
        } catch (InvalidTokenException e) {
            return e.reason();
        }
    }

    private void assertRefused(byte[] json) {
        assertThatThrownBy(() -> codec.decodeClaims(json)).isInstanceOfSatisfying(InvalidTokenException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_CLAIMS));
        assertThatThrownBy(() -> codec.decodeHeader(json)).isInstanceOfSatisfying(InvalidTokenException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_HEADER));
    }

    private static byte[] withBytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The usual claims with {@code extra} as the last member, followed by {@code end}. */
    private static String claimsWith(String extra, String end) {
        return "{\"iss\":\"inkan\",\"sub\":\"" + SUB + "\",\"aud\":\"inkan\",\"iat\":1700000000,\"exp\":1700000900,"
                + "\"sid\":\"" + SID + "\"," + (extra.startsWith("\"jti\"") ? "" : "\"jti\":\"j-1\",") + extra + end;
    }
}

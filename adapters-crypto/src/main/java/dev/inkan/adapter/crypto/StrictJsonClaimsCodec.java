package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.ClaimsCodec;
import dev.inkan.application.port.out.JoseHeader;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.InvalidTokenException.Reason;
import dev.inkan.domain.JwsAlgorithm;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The JSON of JWS headers and JWT claims, read and written directly on UTF-8 bytes: the one JSON
 * Inkan handles on every request, so it gets a reader made for it instead of a general library.
 *
 * <p>Reading follows RFC 8259 strictly, as Jackson's streaming parser with strict duplicate
 * detection does (the tests hold the two to the same answers on thousands of edited inputs): one
 * object and nothing after it but whitespace, well-formed UTF-8 (RFC 3629: no overlong forms, no
 * surrogates), no unescaped control characters, escapes decoded before names are compared, no
 * duplicate names at any depth, and every registered member of its JSON type. Nesting deeper than
 * {@value #MAX_DEPTH} is refused. Unknown members are checked and skipped. Escaped UTF-16
 * surrogates must come in pairs (RFC 7493, I-JSON).
 */
public final class StrictJsonClaimsCodec implements ClaimsCodec {

    /** 9999-12-31T23:59:59Z: the last second an {@link Instant} of a JWT needs to carry. */
    private static final long MAX_NUMERIC_DATE = 253_402_300_799L;
    static final int MAX_DEPTH = 64;

    // The registered names are three ASCII letters; each is read as one int to switch on.
    private static final int ALG = 'a' << 16 | 'l' << 8 | 'g';
    private static final int TYP = 't' << 16 | 'y' << 8 | 'p';
    private static final int KID = 'k' << 16 | 'i' << 8 | 'd';
    private static final int ISS = 'i' << 16 | 's' << 8 | 's';
    private static final int SUB = 's' << 16 | 'u' << 8 | 'b';
    private static final int AUD = 'a' << 16 | 'u' << 8 | 'd';
    private static final int IAT = 'i' << 16 | 'a' << 8 | 't';
    private static final int EXP = 'e' << 16 | 'x' << 8 | 'p';
    private static final int NBF = 'n' << 16 | 'b' << 8 | 'f';
    private static final int JTI = 'j' << 16 | 't' << 8 | 'i';
    private static final int SID = 's' << 16 | 'i' << 8 | 'd';

    private static final Literal OWN_ISS = new Literal("{\"iss\":\"");
    private static final Literal OWN_SUB = new Literal(",\"sub\":\"");
    private static final Literal OWN_AUD = new Literal(",\"aud\":\"");
    private static final Literal OWN_IAT = new Literal(",\"iat\":");
    private static final Literal OWN_EXP = new Literal(",\"exp\":");
    private static final Literal OWN_JTI = new Literal(",\"jti\":\"");
    private static final Literal OWN_SID = new Literal(",\"sid\":\"");
    private static final Literal OWN_END = new Literal("}");
    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** The bytes a string can hold as themselves: printable ASCII but the quote and the backslash. */
    private static final boolean[] PLAIN = new boolean[256];
    private static final byte[] HEX_DIGITS = ascii("0123456789abcdef");
    /** The value of each hex digit, either case, or -1. */
    private static final int[] HEX = new int[256];

    static {
        for (int b = 0x20; b < 0x80; b++) {
            PLAIN[b] = b != '"' && b != '\\';
        }
        Arrays.fill(HEX, -1);
        for (int i = 0; i < 16; i++) {
            HEX[Character.forDigit(i, 16)] = i;
            HEX[Character.toUpperCase(Character.forDigit(i, 16))] = i;
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The issuer and audience of the last token read: the same on nearly every token, so shared
     * rather than copied. Racing threads may overwrite each other; any value is a valid guess.
     */
    private String recentIssuer;
    private String recentAudience;

    @Override
    public byte[] encodeHeader(JwsAlgorithm algorithm, String keyId) {
        JsonWriter out = new JsonWriter(48 + keyId.length());
        out.ascii("{\"alg\":").string(algorithm.jwsName()).ascii(",\"typ\":\"JWT\",\"kid\":").string(keyId).ascii("}");
        return out.toBytes();
    }

    @Override
    public byte[] encodeClaims(AccessTokenClaims claims) {
        // The layout that the reader's fast path expects, from the same literals.
        JsonWriter out = new JsonWriter(224);
        out.literal(OWN_ISS).stringAfterQuote(claims.issuer());
        out.literal(OWN_SUB).uuidAfterQuote(claims.subject().value());
        if (claims.audience().size() == 1) {
            out.literal(OWN_AUD).stringAfterQuote(claims.audience().get(0));
        } else {
            out.ascii(",\"aud\":[");
            for (int i = 0; i < claims.audience().size(); i++) {
                out.ascii(i == 0 ? "" : ",").string(claims.audience().get(i));
            }
            out.ascii("]");
        }
        out.literal(OWN_IAT).number(claims.issuedAt().getEpochSecond());
        out.literal(OWN_EXP).number(claims.expiresAt().getEpochSecond());
        if (claims.notBefore().isPresent()) {
            out.ascii(",\"nbf\":").number(claims.notBefore().get().getEpochSecond());
        }
        out.literal(OWN_JTI).stringAfterQuote(claims.tokenId());
        out.literal(OWN_SID).uuidAfterQuote(claims.sessionId().value());
        out.literal(OWN_END);
        return out.toBytes();
    }

    @Override
    public JoseHeader decodeHeader(byte[] json) {
        try {
            JsonReader in = new JsonReader(json);
            in.expect('{');
            String alg = null;
            String typ = null;
            String kid = null;
            Set<String> names = new HashSet<>(8);
            if (!in.consumeIf('}')) {
                do {
                    int key = in.memberName();
                    if (!names.add(in.name())) {
                        throw new MalformedJson();
                    }
                    switch (key) {
                        case ALG -> alg = in.string();
                        case TYP -> typ = in.string();
                        case KID -> kid = in.string();
                        default -> in.skipValue(1);
                    }
                } while (in.more('}'));
            }
            in.requireEnd();
            return new JoseHeader(Optional.ofNullable(alg), Optional.ofNullable(typ), Optional.ofNullable(kid), names);
        } catch (MalformedJson | IndexOutOfBoundsException e) {
            throw new InvalidTokenException(Reason.MALFORMED_HEADER);
        }
    }

    @Override
    public AccessTokenClaims decodeClaims(byte[] json) {
        try {
            AccessTokenClaims own = new JsonReader(json).ownLayout(recentIssuer, recentAudience);
            if (own != null) {
                recentIssuer = own.issuer();
                recentAudience = own.audience().get(0);
                return own;
            }
            JsonReader in = new JsonReader(json);
            in.expect('{');
            String iss = null;
            UUID sub = null;
            List<String> aud = null;
            long iat = -1;
            long exp = -1;
            long nbf = -1;
            String jti = null;
            UUID sid = null;
            int seen = 0;
            Set<String> others = null;
            boolean more = !in.consumeIf('}');
            while (more) {
                int bit = switch (in.memberName()) {
                    case ISS -> { iss = in.string(); yield 1; }
                    case SUB -> { sub = in.uuid(); yield 2; }
                    case AUD -> { aud = in.audience(); yield 4; }
                    case IAT -> { iat = in.numericDate(); yield 8; }
                    case EXP -> { exp = in.numericDate(); yield 16; }
                    case NBF -> { nbf = in.numericDate(); yield 32; }
                    case JTI -> { jti = in.string(); yield 64; }
                    case SID -> { sid = in.uuid(); yield 128; }
                    default -> {
                        others = others == null ? new HashSet<>() : others;
                        if (!others.add(in.name())) {
                            throw new MalformedJson();
                        }
                        in.skipValue(1);
                        yield 0;
                    }
                };
                if ((seen & bit) != 0) {
                    throw new MalformedJson();
                }
                seen |= bit;
                more = in.more('}');
            }
            in.requireEnd();
            if ((seen | 32) != 255) {
                throw new MalformedJson();
            }
            return new AccessTokenClaims(iss, new UserId(sub), aud, Instant.ofEpochSecond(iat), Instant.ofEpochSecond(exp),
                    nbf < 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(nbf)), jti, new SessionId(sid));
        } catch (MalformedJson | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new InvalidTokenException(Reason.MALFORMED_CLAIMS);
        }
    }

    /**
     * A cursor over one JSON text. Reading past the end throws {@link IndexOutOfBoundsException},
     * which the decoders take as malformed input, like every other surprise.
     */
    private static final class JsonReader {

        private final byte[] in;
        private int pos;
        /** The last member name read: its raw bytes when it had no escapes, else its decoded text. */
        private int nameStart;
        private int nameEnd;
        private String decodedName;

        JsonReader(byte[] in) {
            this.in = in;
        }

        /** @return the next byte that is not JSON whitespace, consumed, or -1 at the end */
        int next() {
            while (pos < in.length) {
                int b = in[pos++];
                if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                    return b & 0xff;
                }
            }
            return -1;
        }

        void expect(char c) {
            if (next() != c) {
                throw new MalformedJson();
            }
        }

        /** Consumes {@code c} when it is the next byte that is not whitespace. */
        boolean consumeIf(char c) {
            while (pos < in.length && (in[pos] == ' ' || in[pos] == '\n' || in[pos] == '\r' || in[pos] == '\t')) {
                pos++;
            }
            if (pos < in.length && in[pos] == c) {
                pos++;
                return true;
            }
            return false;
        }

        /** After a member or element: {@code true} on a comma, {@code false} on {@code close}. */
        boolean more(char close) {
            int b = next();
            if (b != ',' && b != close) {
                throw new MalformedJson();
            }
            return b == ',';
        }

        /** Only whitespace may follow the value. */
        void requireEnd() {
            if (next() != -1) {
                throw new MalformedJson();
            }
        }

        /**
         * Reads a member name and its colon.
         *
         * @return the name as an int when it is three ASCII characters (see the constants), else 0
         */
        int memberName() {
            expect('"');
            int start = pos;
            int end = plainStringEnd();
            int key = 0;
            if (end >= 0) {
                nameStart = start;
                nameEnd = end;
                decodedName = null;
                if (end - start == 3) {
                    key = in[start] << 16 | in[start + 1] << 8 | in[start + 2];
                }
            } else {
                decodedName = stringBody();
                if (decodedName.length() == 3 && decodedName.chars().allMatch(c -> c < 0x80)) {
                    key = decodedName.charAt(0) << 16 | decodedName.charAt(1) << 8 | decodedName.charAt(2);
                }
            }
            expect(':');
            return key;
        }

        /** @return the last member name read, decoded */
        String name() {
            return decodedName != null ? decodedName : new String(in, nameStart, nameEnd - nameStart, StandardCharsets.US_ASCII);
        }

        String string() {
            expect('"');
            String plain = plainString(null);
            return plain != null ? plain : stringBody();
        }

        /** A string holding a canonical UUID, 8-4-4-4-12 hex digits, read straight from the bytes when it has no escapes. */
        UUID uuid() {
            expect('"');
            UUID uuid = plainUuid();
            if (uuid != null) {
                return uuid;
            }
            // Anything else, escaped digits included, goes through the domain's strict parse of the decoded text.
            pos--;
            return UserId.parse(string()).value();
        }

        /** @return the UUID of 36 plain bytes and a closing quote at the position, moving past them, or null */
        private UUID plainUuid() {
            int s = pos;
            if (s + 36 < in.length && in[s + 36] == '"'
                    && in[s + 8] == '-' && in[s + 13] == '-' && in[s + 18] == '-' && in[s + 23] == '-') {
                long a = hex(s, 8);
                long b = hex(s + 9, 4);
                long c = hex(s + 14, 4);
                long d = hex(s + 19, 4);
                long e = hex(s + 24, 12);
                if ((a | b | c | d | e) >= 0) {
                    pos = s + 37;
                    return new UUID(a << 32 | b << 16 | c, d << 48 | e);
                }
            }
            return null;
        }

        /**
         * Reads the claims when they are laid out exactly as {@link StrictJsonClaimsCodec#encodeClaims} writes them with one
         * audience and no {@code nbf}: the fixed names in order, no whitespace, no escapes, nothing
         * else. Such bytes are valid JSON that the general reader would read to the same claims, so
         * this only skips its work; any other input gets {@code null} and goes to the general reader.
         */
        AccessTokenClaims ownLayout(String likelyIssuer, String likelyAudience) {
            if (!literal(OWN_ISS)) {
                return null;
            }
            String iss = plainString(likelyIssuer);
            UUID sub = iss != null && literal(OWN_SUB) ? plainUuid() : null;
            String aud = sub != null && literal(OWN_AUD) ? plainString(likelyAudience) : null;
            long iat = aud != null && literal(OWN_IAT) ? plainDate() : -1;
            long exp = iat >= 0 && literal(OWN_EXP) ? plainDate() : -1;
            String jti = exp >= 0 && literal(OWN_JTI) ? plainString(null) : null;
            UUID sid = jti != null && !jti.isEmpty() && literal(OWN_SID) ? plainUuid() : null;
            if (sid == null || !literal(OWN_END) || pos != in.length) {
                return null;
            }
            return new AccessTokenClaims(iss, new UserId(sub), List.of(aud), Instant.ofEpochSecond(iat),
                    Instant.ofEpochSecond(exp), Optional.empty(), jti, new SessionId(sid));
        }

        private boolean literal(Literal expected) {
            boolean matches;
            if (pos + 8 <= in.length) {
                matches = ((long) EIGHT_BYTES.get(in, pos) & expected.mask()) == expected.bytes();
            } else {
                matches = pos + expected.length() <= in.length;
                for (int i = 0; matches && i < expected.length(); i++) {
                    matches = in[pos + i] == (byte) (expected.bytes() >>> (8 * i));
                }
            }
            if (matches) {
                pos += expected.length();
            }
            return matches;
        }

        /**
         * @param likely text this string often holds, returned instead of a copy when it matches
         * @return a string of plain bytes up to its closing quote, moving past it, or null
         */
        private String plainString(String likely) {
            int start = pos;
            int end = plainStringEnd();
            if (end < 0) {
                return null;
            }
            if (likely != null && likely.length() == end - start) {
                int i = 0;
                while (i < likely.length() && likely.charAt(i) == in[start + i]) {
                    i++;
                }
                if (i == likely.length()) {
                    return likely;
                }
            }
            return new String(in, start, end - start, StandardCharsets.US_ASCII);
        }

        /** @return a NumericDate of plain digits (no sign, no leading zero) up to the maximum, or -1 */
        private long plainDate() {
            int start = pos;
            long seconds = 0;
            while (pos < in.length && isDigit(in[pos]) && pos - start < 12) {
                seconds = seconds * 10 + (in[pos++] - '0');
            }
            boolean plain = pos > start && (in[start] != '0' || pos == start + 1) && (pos == in.length || !isDigit(in[pos]));
            return plain && seconds <= MAX_NUMERIC_DATE ? seconds : -1;
        }

        /** @return the value of {@code count} hex digits at {@code from}, or a negative number when one is not a hex digit */
        private long hex(int from, int count) {
            long value = 0;
            int bad = 0;
            for (int i = from; i < from + count; i++) {
                int digit = HEX[in[i] & 0xff];
                bad |= digit;
                value = value << 4 | digit;
            }
            return bad < 0 ? -1 : value;
        }

        /**
         * Scans a string whose opening quote has been read for the common case: printable ASCII,
         * no escapes. On success it moves past the closing quote.
         *
         * @return the index of the closing quote, or -1 (position unchanged) when the string needs decoding
         */
        private int plainStringEnd() {
            int i = pos;
            while (i < in.length && PLAIN[in[i] & 0xff]) {
                i++;
            }
            if (i < in.length && in[i] == '"') {
                pos = i + 1;
                return i;
            }
            return -1;
        }

        /** Decodes a string whose opening quote has been read: escapes, validated UTF-8, and the closing quote. */
        private String stringBody() {
            StringBuilder text = new StringBuilder();
            while (true) {
                int b = in[pos++] & 0xff;
                if (b == '"') {
                    return text.toString();
                } else if (b == '\\') {
                    escape(text);
                } else if (b < 0x20) {
                    throw new MalformedJson();
                } else if (b < 0x80) {
                    text.append((char) b);
                } else {
                    text.appendCodePoint(utf8(b));
                }
            }
        }

        private void escape(StringBuilder text) {
            int c = in[pos++];
            switch (c) {
                case '"', '\\', '/' -> text.append((char) c);
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    char unit = hex4();
                    if (Character.isHighSurrogate(unit)) {
                        if (in[pos++] != '\\' || in[pos++] != 'u') {
                            throw new MalformedJson();
                        }
                        char low = hex4();
                        if (!Character.isLowSurrogate(low)) {
                            throw new MalformedJson();
                        }
                        text.append(unit).append(low);
                    } else if (Character.isLowSurrogate(unit)) {
                        throw new MalformedJson();
                    } else {
                        text.append(unit);
                    }
                }
                default -> throw new MalformedJson();
            }
        }

        private char hex4() {
            int value = 0;
            for (int i = 0; i < 4; i++) {
                int digit = HEX[in[pos++] & 0xff];
                if (digit < 0) {
                    throw new MalformedJson();
                }
                value = value << 4 | digit;
            }
            return (char) value;
        }

        /** @return the code point of the UTF-8 sequence whose lead byte {@code lead} has been read (RFC 3629 4) */
        private int utf8(int lead) {
            int count;
            int min;
            int max;
            if (lead >= 0xC2 && lead <= 0xDF) {
                return (lead & 0x1F) << 6 | continuation(0x80, 0xBF);
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                count = 2;
                min = lead == 0xE0 ? 0xA0 : 0x80;
                max = lead == 0xED ? 0x9F : 0xBF; // no UTF-16 surrogates
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                count = 3;
                min = lead == 0xF0 ? 0x90 : 0x80;
                max = lead == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
            } else {
                throw new MalformedJson();
            }
            int codePoint = (lead & (count == 2 ? 0x0F : 0x07)) << 6 | continuation(min, max);
            for (int i = 1; i < count; i++) {
                codePoint = codePoint << 6 | continuation(0x80, 0xBF);
            }
            return codePoint;
        }

        private int continuation(int min, int max) {
            int b = in[pos++] & 0xff;
            if (b < min || b > max) {
                throw new MalformedJson();
            }
            return b & 0x3F;
        }

        /** An {@code aud}: one string, or a non-empty array of strings. */
        List<String> audience() {
            if (!consumeIf('[')) {
                return List.of(string());
            }
            List<String> audiences = new ArrayList<>(2);
            do {
                audiences.add(string());
            } while (more(']'));
            return audiences;
        }

        /** A JWT NumericDate as Inkan accepts it: a JSON integer (no fraction, no exponent) of plausible seconds. */
        long numericDate() {
            boolean negative = consumeIf('-'); // "-0" is JSON for zero; any other negative is refused
            long seconds = plainDate();
            int after = peek();
            if (seconds < 0 || (negative && seconds != 0) || after == '.' || after == 'e' || after == 'E') {
                throw new MalformedJson();
            }
            return seconds;
        }

        /** Checks and skips any value, refusing duplicate names in the objects it holds. */
        void skipValue(int depth) {
            if (depth > MAX_DEPTH) {
                throw new MalformedJson();
            }
            int b = next();
            switch (b) {
                case '"' -> {
                    if (plainStringEnd() < 0) {
                        stringBody();
                    }
                }
                case '{' -> {
                    Set<String> names = new HashSet<>();
                    if (!consumeIf('}')) {
                        do {
                            memberName();
                            if (!names.add(name())) {
                                throw new MalformedJson();
                            }
                            skipValue(depth + 1);
                        } while (more('}'));
                    }
                }
                case '[' -> {
                    if (!consumeIf(']')) {
                        do {
                            skipValue(depth + 1);
                        } while (more(']'));
                    }
                }
                case 't' -> keywordRest("rue");
                case 'f' -> keywordRest("alse");
                case 'n' -> keywordRest("ull");
                default -> number(b);
            }
        }

        /** The rest of {@code true}, {@code false} or {@code null}, whose first letter has been read. */
        private void keywordRest(String rest) {
            for (int i = 0; i < rest.length(); i++) {
                if (in[pos++] != rest.charAt(i)) {
                    throw new MalformedJson();
                }
            }
        }

        /** Skips a number of the RFC 8259 6 grammar whose first byte {@code first} has been read. */
        private void number(int first) {
            int b = first;
            if (b == '-') {
                b = in[pos++];
            }
            if (b == '0') {
                if (isDigit(peek())) {
                    throw new MalformedJson();
                }
            } else if (b >= '1' && b <= '9') {
                digits(0);
            } else {
                throw new MalformedJson();
            }
            if (peek() == '.') {
                pos++;
                digits(1);
            }
            if (peek() == 'e' || peek() == 'E') {
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                digits(1);
            }
        }

        private void digits(int atLeast) {
            int count = 0;
            while (isDigit(peek())) {
                pos++;
                count++;
            }
            if (count < atLeast) {
                throw new MalformedJson();
            }
        }

        private int peek() {
            return pos < in.length ? in[pos] : -1;
        }

        private static boolean isDigit(int b) {
            return b >= '0' && b <= '9';
        }
    }

    /** Writes JSON into a growing byte array: strings escaped as RFC 8259 7 asks, non-ASCII as UTF-8. */
    private static final class JsonWriter {

        private byte[] out;
        private int length;

        JsonWriter(int capacity) {
            out = new byte[capacity];
        }

        /** Appends a literal, eight bytes at once (those past its end are overwritten next). */
        JsonWriter literal(Literal literal) {
            ensure(8);
            EIGHT_BYTES.set(out, length, literal.bytes());
            length += literal.length();
            return this;
        }

        /** Appends text known to be ASCII JSON, as is. */
        JsonWriter ascii(String text) {
            ensure(text.length());
            for (int i = 0; i < text.length(); i++) {
                out[length++] = (byte) text.charAt(i);
            }
            return this;
        }

        JsonWriter string(String text) {
            ensure(1);
            out[length++] = '"';
            return stringAfterQuote(text);
        }

        /** Appends a string whose opening quote is written already. */
        JsonWriter stringAfterQuote(String text) {
            // Room for the common case, a byte a char and the quote; anything longer asks for more.
            ensure(text.length() + 1);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                    out[length++] = (byte) c;
                    continue;
                }
                ensure(6 + text.length() - i); // six bytes at most for this char, then the rest as above
                if (c < 0x80) {
                    escape(c);
                } else if (c < 0x800) {
                    out[length++] = (byte) (0xC0 | c >> 6);
                    out[length++] = (byte) (0x80 | c & 0x3F);
                } else if (!Character.isSurrogate(c)) {
                    out[length++] = (byte) (0xE0 | c >> 12);
                    out[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                    out[length++] = (byte) (0x80 | c & 0x3F);
                } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int codePoint = Character.toCodePoint(c, text.charAt(++i));
                    out[length++] = (byte) (0xF0 | codePoint >> 18);
                    out[length++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                    out[length++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                    out[length++] = (byte) (0x80 | codePoint & 0x3F);
                } else {
                    throw new IllegalArgumentException("a claim holds an unpaired UTF-16 surrogate, which JSON cannot carry as UTF-8");
                }
            }
            out[length++] = '"';
            return this;
        }

        private void escape(char c) {
            char shortForm = switch (c) {
                case '"' -> '"';
                case '\\' -> '\\';
                case '\b' -> 'b';
                case '\f' -> 'f';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case '\t' -> 't';
                default -> 0;
            };
            out[length++] = '\\';
            if (shortForm != 0) {
                out[length++] = (byte) shortForm;
            } else {
                out[length++] = 'u';
                out[length++] = '0';
                out[length++] = '0';
                out[length++] = (byte) Character.forDigit(c >> 4, 16);
                out[length++] = (byte) Character.forDigit(c & 0xF, 16);
            }
        }

        /** Appends a UUID whose opening quote is written already, in canonical form, as {@link UUID#toString()} writes it. */
        JsonWriter uuidAfterQuote(UUID uuid) {
            ensure(37);
            hex(uuid.getMostSignificantBits() >>> 32, 8);
            out[length++] = '-';
            hex(uuid.getMostSignificantBits() >>> 16, 4);
            out[length++] = '-';
            hex(uuid.getMostSignificantBits(), 4);
            out[length++] = '-';
            hex(uuid.getLeastSignificantBits() >>> 48, 4);
            out[length++] = '-';
            hex(uuid.getLeastSignificantBits(), 12);
            out[length++] = '"';
            return this;
        }

        /** Appends the low {@code digits} hex digits of {@code value}, in lower case. */
        private void hex(long value, int digits) {
            long rest = value;
            for (int i = length + digits - 1; i >= length; i--) {
                out[i] = HEX_DIGITS[(int) rest & 0xF];
                rest >>>= 4;
            }
            length += digits;
        }

        /** Appends a non-negative integer. */
        JsonWriter number(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("a NumericDate before 1970");
            }
            ensure(19);
            int first = length;
            long rest = value;
            do {
                out[length++] = (byte) ('0' + rest % 10);
                rest /= 10;
            } while (rest > 0);
            for (int i = first, j = length - 1; i < j; i++, j--) {
                byte digit = out[i];
                out[i] = out[j];
                out[j] = digit;
            }
            return this;
        }

        private void ensure(int more) {
            if (length + more > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, length + more));
            }
        }

        byte[] toBytes() {
            return Arrays.copyOf(out, length);
        }
    }

    /** Up to eight ASCII characters, packed little-endian, to compare with eight bytes read at once. */
    private record Literal(int length, long bytes, long mask) {

        Literal(String text) {
            this(text.length(), pack(text), text.length() == 8 ? -1L : (1L << 8 * text.length()) - 1);
        }

        private static long pack(String text) {
            if (text.isEmpty() || text.length() > 8) {
                throw new IllegalArgumentException("a literal holds one to eight characters");
            }
            long packed = 0;
            for (int i = text.length() - 1; i >= 0; i--) {
                packed = packed << 8 | text.charAt(i);
            }
            return packed;
        }
    }

    /** Thrown inside the codec only: the bytes are not the JSON a JWS header or JWT may hold. */
    private static final class MalformedJson extends RuntimeException {
        MalformedJson() {
            super(null, null, false, false);
        }
    }
}

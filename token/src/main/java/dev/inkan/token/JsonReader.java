package dev.inkan.token;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A cursor over one JSON text (RFC 8259), read strictly as Jackson's parser with strict duplicate
 * detection reads it: the structure, member names (escapes decoded before they are compared), strings,
 * and any value checked and skipped, refusing duplicate names at any depth and nesting deeper than
 * {@link #MAX_DEPTH}. Every read is bounds-checked: past the end there is only {@link #END}, which no
 * grammar rule accepts. Whatever is malformed is refused with the reason given at construction.
 */
final class JsonReader {

    static final int MAX_DEPTH = 64;
    /** What reading past the last byte gives. */
    static final int END = -1;
    /** What {@link #plainDate()} gives when the bytes are not a NumericDate of plain digits. */
    static final long NOT_PLAIN = -1;

    private final byte[] in;
    private final TokenException.Reason malformed;
    private int pos;
    /** The last member name read: its raw bytes when it had no escapes, else its decoded text. */
    private int nameStart;
    private int nameEnd;
    private boolean nameEscaped;
    private String escapedName = "";

    JsonReader(byte[] in, TokenException.Reason malformed) {
        this.in = in;
        this.malformed = malformed;
    }

    /** @return the refusal of this text, to throw */
    TokenException malformed() {
        return new TokenException(malformed);
    }

    /** @return the next byte that is not JSON whitespace, consumed, or {@link #END} */
    int next() {
        skipWhitespace();
        return read();
    }

    /** @return the next byte, consumed, or {@link #END} */
    private int read() {
        return pos < in.length ? in[pos++] & 0xff : END;
    }

    private int peek() {
        return pos < in.length ? in[pos] & 0xff : END;
    }

    private void skipWhitespace() {
        while (pos < in.length && (in[pos] == ' ' || in[pos] == '\n' || in[pos] == '\r' || in[pos] == '\t')) {
            pos++;
        }
    }

    void expect(char c) {
        if (next() != c) {
            throw malformed();
        }
    }

    /** Consumes {@code c} when it is the next byte that is not whitespace. */
    boolean consumeIf(char c) {
        skipWhitespace();
        if (peek() == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** After a member or element: {@code true} on a comma, {@code false} on {@code close}. */
    boolean more(char close) {
        int b = next();
        if (b != ',' && b != close) {
            throw malformed();
        }
        return b == ',';
    }

    /** Only whitespace may follow the value. */
    void requireEnd() {
        if (next() != END) {
            throw malformed();
        }
    }

    /** @return whether every byte has been read, whitespace included */
    boolean atEnd() {
        return pos == in.length;
    }

    /**
     * Reads a member name and its colon.
     *
     * @return the name packed as {@code c0 << 16 | c1 << 8 | c2} when it is three ASCII characters
     *     (the registered JOSE and JWT names are), else 0
     */
    int memberName() {
        expect('"');
        int start = pos;
        int end = JsonStrings.plainEnd(in, start);
        int key = 0;
        if (end != JsonStrings.NOT_PLAIN) {
            pos = end + 1;
            nameStart = start;
            nameEnd = end;
            nameEscaped = false;
            if (end - start == 3) {
                key = in[start] << 16 | in[start + 1] << 8 | in[start + 2];
            }
        } else {
            escapedName = decodedString();
            nameEscaped = true;
            if (escapedName.length() == 3 && escapedName.chars().allMatch(c -> c < 0x80)) {
                key = escapedName.charAt(0) << 16 | escapedName.charAt(1) << 8 | escapedName.charAt(2);
            }
        }
        expect(':');
        return key;
    }

    /** @return the last member name read, decoded */
    String name() {
        return nameEscaped ? escapedName : new String(in, nameStart, nameEnd - nameStart, StandardCharsets.US_ASCII);
    }

    String string() {
        expect('"');
        return plainString().orElseGet(this::decodedString);
    }

    /** Skips any value after checking it, refusing duplicate names in the objects it holds. */
    void skipValue() {
        skipValue(1);
    }

    private void skipValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw malformed();
        }
        int b = next();
        switch (b) {
            case '"' -> plainString().orElseGet(this::decodedString);
            case '{' -> {
                Set<String> names = new HashSet<>();
                if (!consumeIf('}')) {
                    do {
                        memberName();
                        if (!names.add(name())) {
                            throw malformed();
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
            if (read() != rest.charAt(i)) {
                throw malformed();
            }
        }
    }

    /** Skips a number of the RFC 8259 6 grammar whose first byte {@code first} has been read. */
    private void number(int first) {
        int b = first;
        if (b == '-') {
            b = read();
        }
        if (b == '0') {
            if (isDigit(peek())) {
                throw malformed(); // no leading zeros
            }
        } else if (b >= '1' && b <= '9') {
            digits(0);
        } else {
            throw malformed();
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
        int start = pos;
        while (isDigit(peek())) {
            pos++;
        }
        if (pos - start < atLeast) {
            throw malformed();
        }
    }

    private static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    // The plain forms below read only the common case, straight from the bytes, and move past what
    // they read only when they succeed; the fast path of ClaimsReader is made of them.

    /** @return whether the next bytes are {@code literal}, moving past them */
    boolean literal(OwnLayout.Literal literal) {
        if (literal.isAt(in, pos)) {
            pos += literal.length();
            return true;
        }
        return false;
    }

    /** @return whether the next bytes are exactly {@code expected}, moving past them */
    boolean bytes(byte[] expected) {
        if (pos + expected.length <= in.length && Arrays.equals(in, pos, pos + expected.length, expected, 0, expected.length)) {
            pos += expected.length;
            return true;
        }
        return false;
    }

    /** @return the string of plain bytes up to a closing quote, moving past it, or empty (position unchanged) */
    Optional<String> plainString() {
        int end = JsonStrings.plainEnd(in, pos);
        if (end == JsonStrings.NOT_PLAIN) {
            return Optional.empty();
        }
        String text = new String(in, pos, end - pos, StandardCharsets.US_ASCII);
        pos = end + 1;
        return Optional.of(text);
    }

    /** @return the UUID of 36 plain bytes and a closing quote, moving past them, or empty (position unchanged) */
    Optional<UUID> plainUuid() {
        if (pos + CanonicalUuid.LENGTH >= in.length || in[pos + CanonicalUuid.LENGTH] != '"') {
            return Optional.empty();
        }
        Optional<UUID> uuid = CanonicalUuid.parse(in, pos);
        if (uuid.isPresent()) {
            pos += CanonicalUuid.LENGTH + 1;
        }
        return uuid;
    }

    /**
     * @return a NumericDate of plain digits (no sign, no leading zero, no fraction, no exponent) up to
     *     the last one the format reads, moving past it, or {@link #NOT_PLAIN}
     */
    long plainDate() {
        int start = pos;
        int i = pos;
        long seconds = 0;
        while (i < in.length && isDigit(in[i]) && i - start < 12) { // 12 digits hold the last NumericDate
            seconds = seconds * 10 + (in[i++] - '0');
        }
        boolean integer = i == in.length || !(isDigit(in[i]) || in[i] == '.' || in[i] == 'e' || in[i] == 'E');
        boolean plain = i > start && (in[start] != '0' || i == start + 1) && integer;
        if (!plain || seconds > TokenClaims.LAST_NUMERIC_DATE) {
            return NOT_PLAIN;
        }
        pos = i;
        return seconds;
    }

    /** Decodes a string whose opening quote has been read: escapes, UTF-8 and the closing quote. */
    private String decodedString() {
        StringBuilder text = new StringBuilder();
        int after = JsonStrings.decode(in, pos, text);
        if (after == JsonStrings.MALFORMED) {
            throw malformed();
        }
        pos = after;
        return text.toString();
    }
}

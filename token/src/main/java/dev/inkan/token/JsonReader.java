package dev.inkan.token;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * A cursor over one JSON text (RFC 8259), read strictly as Jackson's parser with strict duplicate
 * detection reads it: the structure, member names (escapes decoded before they are compared), strings,
 * numbers ({@link JsonNumbers}), and any value checked and skipped, refusing duplicate names at any
 * depth and nesting deeper than {@link #MAX_DEPTH}; {@link JsonValues} reads whole values with it.
 * Every read is bounds-checked: past the end there is only {@link #END}, which no grammar rule
 * accepts. Whatever is malformed is refused with the reason given at construction.
 */
final class JsonReader {

    static final int MAX_DEPTH = 64;
    /** What reading past the last byte gives. */
    static final int END = -1;

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
        return at(pos);
    }

    /** @return the byte at {@code i}, or {@link #END} */
    private int at(int i) {
        return i < in.length ? in[i] & 0xff : END;
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
        int end = JsonStrings.plainEnd(in, pos);
        if (end == JsonStrings.NOT_PLAIN) {
            return decodedString();
        }
        String text = new String(in, pos, end - pos, StandardCharsets.US_ASCII);
        pos = end + 1;
        return text;
    }

    /** Skips any value after checking it, refusing duplicate names in the objects it holds. */
    void skipValue() {
        skipValue(1);
    }

    private void skipValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw malformed();
        }
        switch (peekNext()) {
            case '"' -> string();
            case '{' -> {
                pos++;
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
                pos++;
                if (!consumeIf(']')) {
                    do {
                        skipValue(depth + 1);
                    } while (more(']'));
                }
            }
            case 't' -> keyword("true");
            case 'f' -> keyword("false");
            case 'n' -> keyword("null");
            default -> skipNumber();
        }
    }

    /** @return the next byte that is not JSON whitespace, not consumed: what kind of value follows */
    int peekNext() {
        skipWhitespace();
        return peek();
    }

    /** Reads {@code true}, {@code false} or {@code null}, which {@link #peekNext()} announced. */
    void keyword(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (read() != word.charAt(i)) {
                throw malformed();
            }
        }
    }

    /** @return the next value, a number: a {@code Long} for an integer that fits, else a {@code BigDecimal} */
    Number number() {
        skipWhitespace();
        int start = pos;
        skipNumber();
        return JsonNumbers.value(in, start, pos).orElseThrow(this::malformed);
    }

    /** @return the next value, a number, when it is an integer from 0 to {@code max}; {@code -0} is JSON for zero */
    long integer(long max) {
        skipWhitespace();
        int start = pos;
        skipNumber();
        long value = JsonNumbers.integer(in, start, pos, max);
        if (value == JsonNumbers.OUT_OF_RANGE) {
            throw malformed();
        }
        return value;
    }

    private void skipNumber() {
        int end = JsonNumbers.end(in, pos);
        if (end == JsonNumbers.MALFORMED) {
            throw malformed();
        }
        pos = end;
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

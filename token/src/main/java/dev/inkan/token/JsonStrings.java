package dev.inkan.token;

import java.util.Arrays;

/**
 * The bodies of JSON strings (RFC 8259 7), read from UTF-8 bytes: the common case of printable ASCII
 * without escapes found in one scan, eight bytes at a time, and everything else decoded strictly: escapes, escaped UTF-16
 * surrogates only in pairs (RFC 7493, I-JSON), well-formed UTF-8 only (RFC 3629: no overlong forms,
 * no surrogates, nothing above U+10FFFF), no unescaped control characters. Every read is
 * bounds-checked: a string that runs off the end is one more malformed input.
 */
final class JsonStrings {

    /** Returned instead of an index when the bytes are not a string of the kind asked for. */
    static final int NOT_PLAIN = -1;
    static final int MALFORMED = -1;
    static final int NOT_HEX = -1;

    /** The bytes a string can hold as themselves: printable ASCII but the quote and the backslash. */
    private static final boolean[] PLAIN = new boolean[256];
    /** The value of each hex digit, either case, or {@link #NOT_HEX}. */
    private static final int[] HEX = new int[256];
    private static final int UNICODE_ESCAPE_LENGTH = 6; // backslash, 'u', four hex digits

    // Each repeats one byte in all eight lanes of a long.
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long SPACES = 0x2020202020202020L;

    static {
        for (int b = 0x20; b < 0x80; b++) {
            PLAIN[b] = b != '"' && b != '\\';
        }
        Arrays.fill(HEX, NOT_HEX);
        for (int i = 0; i < 16; i++) {
            HEX[Character.forDigit(i, 16)] = i;
            HEX[Character.toUpperCase(Character.forDigit(i, 16))] = i;
        }
    }

    private JsonStrings() {
    }

    /** @return the value of the hex digit {@code b}, either case, or {@link #NOT_HEX} */
    static int hexValue(byte b) {
        return HEX[b & 0xff];
    }

    /**
     * @param from the index just after the opening quote
     * @return the index of the closing quote when every byte before it is plain, else {@link #NOT_PLAIN}
     */
    static int plainEnd(byte[] in, int from) {
        int i = from;
        for (; i + Long.BYTES <= in.length; i += Long.BYTES) {
            long notPlain = notPlain((long) OwnLayout.EIGHT_BYTES.get(in, i));
            if (notPlain != 0) {
                i += Long.numberOfTrailingZeros(notPlain) / Byte.SIZE;
                return in[i] == '"' ? i : NOT_PLAIN;
            }
        }
        while (i < in.length && PLAIN[in[i] & 0xff]) {
            i++;
        }
        return i < in.length && in[i] == '"' ? i : NOT_PLAIN;
    }

    /**
     * Eight bytes at once, the first in the lowest lane: the high bit of a lane is set when its byte
     * is not plain (a quote, a backslash, a control character, or not ASCII). The lowest set lane is
     * always right; lanes above it may be set wrongly (by a borrow), so only the lowest is used.
     */
    private static long notPlain(long text) {
        long quote = text ^ QUOTES;
        long backslash = text ^ BACKSLASHES;
        long zeroQuote = (quote - LOW_BITS) & ~quote;
        long zeroBackslash = (backslash - LOW_BITS) & ~backslash;
        long control = (text - SPACES) & ~text;
        return (zeroQuote | zeroBackslash | control | text) & HIGH_BITS;
    }

    /**
     * Decodes a string body and its closing quote.
     *
     * @param from the index just after the opening quote
     * @param text receives the decoded text
     * @return the index just after the closing quote, or {@link #MALFORMED}
     */
    static int decode(byte[] in, int from, StringBuilder text) {
        int i = from;
        while (i < in.length) {
            int b = in[i++] & 0xff;
            if (b == '"') {
                return i;
            } else if (b == '\\') {
                i = escape(in, i, text);
            } else if (b < 0x20) {
                return MALFORMED;
            } else if (b < 0x80) {
                text.append((char) b);
            } else {
                i = utf8(in, i, b, text);
            }
            if (i == MALFORMED) {
                return MALFORMED;
            }
        }
        return MALFORMED;
    }

    /** @param at the index just after the backslash */
    private static int escape(byte[] in, int at, StringBuilder text) {
        if (at >= in.length) {
            return MALFORMED;
        }
        int c = in[at];
        switch (c) {
            case '"', '\\', '/' -> text.append((char) c);
            case 'b' -> text.append('\b');
            case 'f' -> text.append('\f');
            case 'n' -> text.append('\n');
            case 'r' -> text.append('\r');
            case 't' -> text.append('\t');
            case 'u' -> {
                return unicodeEscape(in, at - 1, text);
            }
            default -> {
                return MALFORMED;
            }
        }
        return at + 1;
    }

    /** A {@code \}{@code uXXXX} escape at {@code at}; a high surrogate must be followed by an escaped low one. */
    private static int unicodeEscape(byte[] in, int at, StringBuilder text) {
        int unit = hex4(in, at + 2);
        if (unit == NOT_HEX || Character.isLowSurrogate((char) unit)) {
            return MALFORMED;
        }
        if (!Character.isHighSurrogate((char) unit)) {
            text.append((char) unit);
            return at + UNICODE_ESCAPE_LENGTH;
        }
        int next = at + UNICODE_ESCAPE_LENGTH;
        if (next + 1 >= in.length || in[next] != '\\' || in[next + 1] != 'u') {
            return MALFORMED;
        }
        int low = hex4(in, next + 2);
        if (low == NOT_HEX || !Character.isLowSurrogate((char) low)) {
            return MALFORMED;
        }
        text.append((char) unit).append((char) low);
        return next + UNICODE_ESCAPE_LENGTH;
    }

    /** @return the value of the four hex digits at {@code at}, or {@link #NOT_HEX} */
    private static int hex4(byte[] in, int at) {
        if (at + 4 > in.length) {
            return NOT_HEX;
        }
        int value = 0;
        for (int i = at; i < at + 4; i++) {
            int digit = hexValue(in[i]);
            if (digit == NOT_HEX) {
                return NOT_HEX;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /**
     * Appends the code point of the UTF-8 sequence whose lead byte, just read, is {@code lead} (RFC 3629 4).
     *
     * @param at the index just after the lead byte
     * @return the index just after the sequence, or {@link #MALFORMED}
     */
    private static int utf8(byte[] in, int at, int lead, StringBuilder text) {
        int continuations;
        int codePoint;
        int min = 0x80; // the range of the first continuation byte; the others are 80..BF
        int max = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuations = 1;
            codePoint = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            continuations = 2;
            codePoint = lead & 0x0F;
            min = lead == 0xE0 ? 0xA0 : min; // no overlong forms
            max = lead == 0xED ? 0x9F : max; // no UTF-16 surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            continuations = 3;
            codePoint = lead & 0x07;
            min = lead == 0xF0 ? 0x90 : min; // no overlong forms
            max = lead == 0xF4 ? 0x8F : max; // nothing above U+10FFFF
        } else {
            return MALFORMED;
        }
        if (at + continuations > in.length) {
            return MALFORMED;
        }
        for (int i = at; i < at + continuations; i++) {
            int b = in[i] & 0xff;
            if (b < min || b > max) {
                return MALFORMED;
            }
            codePoint = codePoint << 6 | b & 0x3F;
            min = 0x80;
            max = 0xBF;
        }
        text.appendCodePoint(codePoint);
        return at + continuations;
    }
}

package dev.inkan.token;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/** Writes JSON into a growing byte array: strings escaped as RFC 8259 7 asks, non-ASCII as UTF-8. */
final class JsonWriter {

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** The most bytes one char of a string takes: {@code \}{@code u001f}, or four of UTF-8 for a surrogate pair. */
    private static final int MAX_BYTES_PER_CHAR = 6;
    /** The digits of the largest long. */
    private static final int MAX_DIGITS = 19;

    private byte[] out;
    private int length;

    JsonWriter(int capacity) {
        out = new byte[capacity];
    }

    /** Appends a literal, eight bytes at once (those past its end are overwritten next, or cut off). */
    JsonWriter literal(OwnLayout.Literal literal) {
        ensure(Long.BYTES);
        OwnLayout.EIGHT_BYTES.set(out, length, literal.bytes());
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

    /**
     * Appends a string whose opening quote is written already, and its closing quote.
     *
     * @throws IllegalArgumentException when {@code text} holds an unpaired UTF-16 surrogate, which
     *     UTF-8 cannot carry
     */
    JsonWriter stringAfterQuote(String text) {
        // Room for the common case, a byte a char and the quote; anything longer asks for more.
        ensure(text.length() + 1);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                out[length++] = (byte) c;
                continue;
            }
            ensure(MAX_BYTES_PER_CHAR + text.length() - i); // this char at most, then the rest as above
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
                throw new IllegalArgumentException("text holds an unpaired UTF-16 surrogate, which JSON cannot carry as UTF-8");
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
            out[length++] = HEX_DIGITS[c >> 4];
            out[length++] = HEX_DIGITS[c & 0xF];
        }
    }

    /** Appends a UUID whose opening quote is written already, in canonical form as {@link UUID#toString()} writes it, and its closing quote. */
    JsonWriter uuidAfterQuote(UUID uuid) {
        ensure(CanonicalUuid.LENGTH + 1);
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
            throw new IllegalArgumentException("a negative number: " + value);
        }
        ensure(MAX_DIGITS);
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

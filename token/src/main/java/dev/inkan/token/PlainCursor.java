package dev.inkan.token;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The cursor of the claims fast path: it reads only the plain forms of Inkan's own layout (literals,
 * strings without escapes, canonical UUIDs, integers of plain digits) straight from the bytes, and
 * moves past what it reads only when it succeeds, so that any other bytes leave it with a plain "no"
 * and go to the general path ({@link JsonReader}). Every read is bounds-checked.
 */
final class PlainCursor {

    /** What {@link #plainInteger} gives when the bytes are not an integer of plain digits in range. */
    static final long NOT_PLAIN = -1;

    /** How many strings of an array {@link #plainStrings} makes room for before it has to grow. */
    private static final int USUAL_STRINGS = 8;

    private final byte[] in;
    private int pos;

    PlainCursor(byte[] in) {
        this.in = in;
    }

    /** @return whether every byte has been read */
    boolean atEnd() {
        return pos == in.length;
    }

    /** @return whether the text ends with {@code literal}, wherever the cursor is */
    boolean endsWith(OwnLayout.Literal literal) {
        return in.length >= literal.length() && literal.isAt(in, in.length - literal.length());
    }

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

    /** @return the string of plain bytes up to a closing quote, moving past it, or null (position unchanged) */
    String plainString() {
        int end = JsonStrings.plainEnd(in, pos);
        if (end == JsonStrings.NOT_PLAIN) {
            return null;
        }
        String text = new String(in, pos, end - pos, StandardCharsets.US_ASCII);
        pos = end + 1;
        return text;
    }

    /** @return the UUID of 36 plain bytes and a closing quote, moving past them, or null (position unchanged) */
    UUID plainUuid() {
        if (pos + CanonicalUuid.LENGTH >= in.length || in[pos + CanonicalUuid.LENGTH] != '"') {
            return null;
        }
        UUID uuid = CanonicalUuid.parseOrNull(in, pos);
        if (uuid != null) {
            pos += CanonicalUuid.LENGTH + 1;
        }
        return uuid;
    }

    /**
     * @param max the largest value taken, below {@code Long.MAX_VALUE / 10}
     * @return an integer of plain digits (no sign, no leading zero, no fraction, no exponent) from 0 to
     *     {@code max}, moving past it, or {@link #NOT_PLAIN}
     */
    long plainInteger(long max) {
        int start = pos;
        int i = pos;
        long value = 0;
        // Stops once past max, so that the value cannot overflow.
        while (JsonNumbers.isDigit(at(i)) && value <= max) {
            value = value * 10 + (in[i++] - '0');
        }
        boolean integer = !(JsonNumbers.isDigit(at(i)) || at(i) == '.' || at(i) == 'e' || at(i) == 'E');
        boolean plain = i > start && (in[start] != '0' || i == start + 1) && integer;
        if (!plain || value > max) {
            return NOT_PLAIN;
        }
        pos = i;
        return value;
    }

    /** @return where the cursor is: the index of the next byte to read */
    int position() {
        return pos;
    }

    /** Moves to {@code position}, past bytes that the caller has read by other means. */
    void skipTo(int position) {
        pos = position;
    }

    /**
     * Reads the rest of an array of plain strings whose {@code [} has been read, through its {@code ]}:
     * no whitespace, strings as {@link #plainString()} reads them, in one pass.
     *
     * @param max the most strings to read
     * @return the strings, or null (position unchanged) for any other bytes or more than {@code max} strings
     */
    List<String> plainStrings(int max) {
        if (at(pos) == ']') {
            pos++;
            return List.of();
        }
        String[] strings = new String[Math.min(max, USUAL_STRINGS)];
        int count = 0;
        int i = pos;
        do {
            int end = at(i) == '"' ? JsonStrings.plainEnd(in, i + 1) : JsonStrings.NOT_PLAIN;
            if (end == JsonStrings.NOT_PLAIN || count == max) {
                return null;
            }
            if (count == strings.length) {
                strings = Arrays.copyOf(strings, Math.min(max, count * 2));
            }
            strings[count++] = new String(in, i + 1, end - i - 1, StandardCharsets.US_ASCII);
            i = end + 2; // past the closing quote and the comma or bracket after it
        } while (at(i - 1) == ',');
        if (at(i - 1) != ']') {
            return null;
        }
        pos = i;
        return List.of(Arrays.copyOf(strings, count));
    }

    /** @return the byte at {@code i}, or {@link JsonReader#END} */
    private int at(int i) {
        return i < in.length ? in[i] & 0xff : JsonReader.END;
    }
}

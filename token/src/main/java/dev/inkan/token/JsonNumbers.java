package dev.inkan.token;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * JSON numbers (RFC 8259 6) read from UTF-8 bytes: their grammar, and their value as custom claims
 * hold it, a {@code Long} for an integer (no fraction, no exponent) that fits one, else a
 * {@code BigDecimal} with the scale the text gives it. Every read is bounds-checked.
 */
final class JsonNumbers {

    /** Returned instead of an index when the bytes are not a number. */
    static final int MALFORMED = -1;
    /** What {@link #integer} gives for a number that is not an integer in its range. */
    static final long OUT_OF_RANGE = -1;

    /** The digits of {@link Long#MAX_VALUE}, and of {@link Long#MIN_VALUE} without its sign: any fewer always fit. */
    private static final byte[] LONG_MAX_DIGITS = Long.toString(Long.MAX_VALUE).getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LONG_MIN_DIGITS = Long.toString(Long.MIN_VALUE).substring(1).getBytes(StandardCharsets.US_ASCII);
    /** The digits of {@link Integer#MAX_VALUE}: an exponent of more, leading zeros aside, is beyond an int. */
    private static final int INT_DIGITS = Integer.toString(Integer.MAX_VALUE).length();

    private JsonNumbers() {
    }

    /** @return the index just after the number that starts at {@code from}, or {@link #MALFORMED} */
    static int end(byte[] in, int from) {
        int i = at(in, from) == '-' ? from + 1 : from;
        if (at(in, i) == '0') {
            i++;
            if (isDigit(at(in, i))) {
                return MALFORMED; // no leading zeros
            }
        } else if (isDigit(at(in, i))) {
            i = digitsEnd(in, i);
        } else {
            return MALFORMED;
        }
        if (at(in, i) == '.') {
            int fraction = i + 1;
            i = digitsEnd(in, fraction);
            if (i == fraction) {
                return MALFORMED;
            }
        }
        if (at(in, i) == 'e' || at(in, i) == 'E') {
            int exponent = at(in, i + 1) == '+' || at(in, i + 1) == '-' ? i + 2 : i + 1;
            i = digitsEnd(in, exponent);
            if (i == exponent) {
                return MALFORMED;
            }
        }
        return i;
    }

    /**
     * @param from where a number starts, as {@link #end} found it
     * @param end the index just after it
     * @param max the largest value taken, below {@code Long.MAX_VALUE / 10}
     * @return its value when it is an integer (no fraction, no exponent) from 0 to {@code max}, {@code -0}
     *     being JSON for zero; else {@link #OUT_OF_RANGE}
     */
    static long integer(byte[] in, int from, int end, long max) {
        boolean negative = in[from] == '-';
        long value = 0;
        for (int i = negative ? from + 1 : from; i < end; i++) {
            if (!isDigit(in[i]) || value > max) {
                return OUT_OF_RANGE; // a fraction, an exponent, or already too large to grow without overflow
            }
            value = value * 10 + (in[i] - '0');
        }
        return value > max || negative && value != 0 ? OUT_OF_RANGE : value;
    }

    /**
     * @param from where a number starts, as {@link #end} found it
     * @param end the index just after it
     * @return its value: a {@code Long} for an integer that fits one, else a {@code BigDecimal}; empty
     *     when {@link BigDecimal#BigDecimal(String)} cannot hold it (an exponent or a scale beyond an int)
     */
    static Optional<Number> value(byte[] in, int from, int end) {
        boolean negative = in[from] == '-';
        int digits = negative ? from + 1 : from;
        int point = indexOf(in, digits, end, '.');
        int exponent = Math.min(indexOf(in, digits, end, 'e'), indexOf(in, digits, end, 'E'));
        if (point == end && exponent == end && fitsLong(in, digits, end, negative)) {
            return Optional.of(parseLong(in, digits, end, negative));
        }
        if (!isRepresentable(in, point, exponent, end)) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(new String(in, from, end - from, StandardCharsets.US_ASCII)));
    }

    /**
     * @return whether the reader can hold the value of {@code text}, a JSON number: the writer asks
     *     this of the text of every {@code BigDecimal} it would write
     */
    static boolean isRepresentable(String text) {
        byte[] in = text.getBytes(StandardCharsets.US_ASCII);
        return value(in, 0, in.length).isPresent();
    }

    /**
     * As {@link BigDecimal#BigDecimal(String)} requires: an exponent from {@code -Integer.MAX_VALUE} to
     * {@code Integer.MAX_VALUE}, and a scale (the digits of the fraction less the exponent) that is an int.
     */
    private static boolean isRepresentable(byte[] in, int point, int exponent, int end) {
        long fractionDigits = point < exponent ? exponent - point - 1 : 0;
        if (exponent == end) {
            return fractionDigits <= Integer.MAX_VALUE;
        }
        int i = exponent + 1;
        boolean negative = in[i] == '-';
        if (in[i] == '+' || negative) {
            i++;
        }
        while (i < end - 1 && in[i] == '0') {
            i++;
        }
        if (end - i > INT_DIGITS) {
            return false;
        }
        long magnitude = 0;
        for (; i < end; i++) {
            magnitude = magnitude * 10 + (in[i] - '0');
        }
        long scale = negative ? fractionDigits + magnitude : fractionDigits - magnitude;
        return magnitude <= Integer.MAX_VALUE && scale >= Integer.MIN_VALUE && scale <= Integer.MAX_VALUE;
    }

    /** Digits without a leading zero, as the grammar has them: fewer than a long's are a long; as many, compared as text. */
    private static boolean fitsLong(byte[] in, int from, int end, boolean negative) {
        byte[] limit = negative ? LONG_MIN_DIGITS : LONG_MAX_DIGITS;
        int length = end - from;
        return length < limit.length
                || length == limit.length && Arrays.compare(in, from, end, limit, 0, limit.length) <= 0;
    }

    /** Accumulates downwards, since {@link Long#MIN_VALUE} has no positive counterpart. */
    private static long parseLong(byte[] in, int from, int end, boolean negative) {
        long value = 0;
        for (int i = from; i < end; i++) {
            value = value * 10 - (in[i] - '0');
        }
        return negative ? value : -value;
    }

    private static int indexOf(byte[] in, int from, int end, char c) {
        for (int i = from; i < end; i++) {
            if (in[i] == c) {
                return i;
            }
        }
        return end;
    }

    private static int digitsEnd(byte[] in, int from) {
        int i = from;
        while (isDigit(at(in, i))) {
            i++;
        }
        return i;
    }

    private static int at(byte[] in, int i) {
        return i < in.length ? in[i] & 0xff : JsonReader.END;
    }

    static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }
}

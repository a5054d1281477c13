package dev.inkan.token;

/**
 * JSON numbers (RFC 8259 6) read from UTF-8 bytes: their grammar, and the value of an integer in a
 * range. Every read is bounds-checked.
 */
final class JsonNumbers {

    /** Returned instead of an index when the bytes are not a number. */
    static final int MALFORMED = -1;
    /** What {@link #integer} gives for a number that is not an integer in its range. */
    static final long OUT_OF_RANGE = -1;

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

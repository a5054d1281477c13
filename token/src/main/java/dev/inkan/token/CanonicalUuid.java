package dev.inkan.token;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * UUIDs in their canonical text only, 8-4-4-4-12 hex digits of either case, read straight from bytes
 * eight digits at a time: {@link UUID#fromString} also takes forms such as {@code 1-1-1-1-1} that no
 * issuer of ours writes. Two of these are read on every verify, so they get the bit tricks.
 */
final class CanonicalUuid {

    static final int LENGTH = 36;
    private static final long NOT_HEX = -1;

    // Each constant repeats one byte in all eight lanes of a long.
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_NIBBLES = 0x0F0F0F0F0F0F0F0FL;
    private static final long LOW_BITS = 0x0101010101010101L;
    /** Added to ASCII bytes, these set a lane's high bit when the byte is at least the lower bound... */
    private static final long AT_LEAST_0 = 0x5050505050505050L; // 0x80 - '0'
    private static final long AT_LEAST_LOWER_A = 0x1F1F1F1F1F1F1F1FL; // 0x80 - 'a'
    private static final long AT_LEAST_UPPER_A = 0x3F3F3F3F3F3F3F3FL; // 0x80 - 'A'
    /** ...and these when it is above the upper bound. */
    private static final long ABOVE_9 = 0x4646464646464646L; // 0x7F - '9'
    private static final long ABOVE_LOWER_F = 0x1919191919191919L; // 0x7F - 'f'
    private static final long ABOVE_UPPER_F = 0x3939393939393939L; // 0x7F - 'F'
    /** Four '0' digits in the upper half: what a group of four digits is padded with to be read as eight. */
    private static final long FOUR_ZEROS_ABOVE = 0x3030303000000000L;
    /** The lower four of eight bytes: a group of four digits, before its padding. */
    private static final long LOW_FOUR_BYTES = 0xFFFFFFFFL;
    // Folding eight digit values into one number: the low nibble of each 16-bit lane, then the low
    // byte of each 32-bit lane, then the low 16 bits of each half.
    private static final long NIBBLE_OF_EACH_SHORT = 0x000F000F000F000FL;
    private static final long BYTE_OF_EACH_INT = 0x000000FF000000FFL;
    private static final long LOW_SHORT = 0xFFFFL;

    private CanonicalUuid() {
    }

    /** @return the UUID written canonically at {@code in[at, at + 36)}, or null (on the fast path of every verify, so no {@code Optional}) */
    static UUID parseOrNull(byte[] in, int at) {
        if (at < 0 || at + LENGTH > in.length
                || in[at + 8] != '-' || in[at + 13] != '-' || in[at + 18] != '-' || in[at + 23] != '-') {
            return null;
        }
        // Every eight-byte read below lies within the 36 bytes.
        long a = eightDigits(read(in, at));
        long b = fourDigits(in, at + 9);
        long c = fourDigits(in, at + 14);
        long d = fourDigits(in, at + 19);
        long e = fourDigits(in, at + 24) << 32 | eightDigits(read(in, at + 28));
        if ((a | b | c | d | e) < 0) {
            return null;
        }
        return new UUID(a << 32 | b << 16 | c, d << 48 | e);
    }

    /** @return the UUID {@code text} holds canonically, or empty */
    static Optional<UUID> parse(String text) {
        // Any char outside ASCII becomes '?', which is neither a hex digit nor a dash.
        return Optional.ofNullable(text.length() == LENGTH ? parseOrNull(text.getBytes(StandardCharsets.US_ASCII), 0) : null);
    }

    private static long read(byte[] in, int at) {
        return (long) OwnLayout.EIGHT_BYTES.get(in, at);
    }

    /** @return the value of the four hex digits at {@code at}, or {@link #NOT_HEX}; the four bytes after them must exist */
    private static long fourDigits(byte[] in, int at) {
        long digits = eightDigits(read(in, at) & LOW_FOUR_BYTES | FOUR_ZEROS_ABOVE);
        return digits < 0 ? NOT_HEX : digits >>> 16;
    }

    /**
     * @param text eight ASCII bytes, the first in the lowest lane
     * @return the value of the eight hex digits, the first the most significant, or {@link #NOT_HEX}
     */
    private static long eightDigits(long text) {
        if ((text & HIGH_BITS) != 0) {
            return NOT_HEX; // not ASCII; below, no lane can carry into the next
        }
        long digit = (text + AT_LEAST_0) & ~(text + ABOVE_9);
        long lower = (text + AT_LEAST_LOWER_A) & ~(text + ABOVE_LOWER_F);
        long upper = (text + AT_LEAST_UPPER_A) & ~(text + ABOVE_UPPER_F);
        if (((digit | lower | upper) & HIGH_BITS) != HIGH_BITS) {
            return NOT_HEX;
        }
        // '0'..'9' keep their low nibble; letters of either case have bit 6 set and their low nibble 1..6, so add 9.
        long nibbles = (text & LOW_NIBBLES) + (text >>> 6 & LOW_BITS) * 9;
        long bytes = (nibbles & NIBBLE_OF_EACH_SHORT) << 4 | nibbles >>> 8 & NIBBLE_OF_EACH_SHORT;
        long shorts = (bytes & BYTE_OF_EACH_INT) << 8 | bytes >>> 16 & BYTE_OF_EACH_INT;
        return (shorts & LOW_SHORT) << 16 | shorts >>> 32 & LOW_SHORT;
    }
}

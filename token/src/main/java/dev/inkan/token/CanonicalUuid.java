package dev.inkan.token;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * UUIDs in their canonical text only, 8-4-4-4-12 hex digits of either case, read straight from bytes:
 * {@link UUID#fromString} also takes forms such as {@code 1-1-1-1-1} that no issuer of ours writes.
 */
final class CanonicalUuid {

    static final int LENGTH = 36;
    private static final long NOT_HEX = -1;

    private CanonicalUuid() {
    }

    /** @return the UUID written canonically at {@code in[at, at + 36)}, or empty */
    static Optional<UUID> parse(byte[] in, int at) {
        if (at + LENGTH > in.length
                || in[at + 8] != '-' || in[at + 13] != '-' || in[at + 18] != '-' || in[at + 23] != '-') {
            return Optional.empty();
        }
        long a = hex(in, at, 8);
        long b = hex(in, at + 9, 4);
        long c = hex(in, at + 14, 4);
        long d = hex(in, at + 19, 4);
        long e = hex(in, at + 24, 12);
        if ((a | b | c | d | e) < 0) {
            return Optional.empty();
        }
        return Optional.of(new UUID(a << 32 | b << 16 | c, d << 48 | e));
    }

    /** @return the UUID {@code text} holds canonically, or empty */
    static Optional<UUID> parse(String text) {
        // Any char outside ASCII becomes '?', which is neither a hex digit nor a dash.
        return text.length() == LENGTH ? parse(text.getBytes(StandardCharsets.US_ASCII), 0) : Optional.empty();
    }

    /** @return the value of {@code count} hex digits at {@code from}, or {@link #NOT_HEX} when one is not a hex digit */
    private static long hex(byte[] in, int from, int count) {
        long value = 0;
        int bad = 0;
        for (int i = from; i < from + count; i++) {
            int digit = JsonStrings.hexValue(in[i]);
            bad |= digit;
            value = value << 4 | digit;
        }
        return bad < 0 ? NOT_HEX : value;
    }
}

package dev.inkan.domain;

import java.util.UUID;

/**
 * Strict UUID parsing: exactly 8-4-4-4-12 hex digits. {@link UUID#fromString} accepts forms such as
 * "1-1-1-1-1" that no issuer of ours produces. Written for the hot path: no intermediate strings.
 */
final class Uuids {

    private Uuids() {
    }

    static UUID parseCanonical(String text) {
        if (text == null || text.length() != 36
                || text.charAt(8) != '-' || text.charAt(13) != '-' || text.charAt(18) != '-' || text.charAt(23) != '-') {
            throw new IllegalArgumentException("not a canonical UUID");
        }
        long high = 0;
        long low = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                continue;
            }
            int value = Character.digit(text.charAt(i), 16);
            if (value < 0 || text.charAt(i) > 'f') {
                throw new IllegalArgumentException("not a canonical UUID");
            }
            if (digits++ < 16) {
                high = high << 4 | value;
            } else {
                low = low << 4 | value;
            }
        }
        return new UUID(high, low);
    }
}

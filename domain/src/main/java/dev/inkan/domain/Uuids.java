package dev.inkan.domain;

import java.util.Locale;
import java.util.UUID;

/** Strict UUID parsing: {@link UUID#fromString} accepts forms such as "1-1-1-1-1" that no issuer of ours produces. */
final class Uuids {

    private Uuids() {
    }

    static UUID parseCanonical(String text) {
        if (text == null || text.length() != 36) {
            throw new IllegalArgumentException("not a canonical UUID");
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            boolean ok = dash ? c == '-' : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                throw new IllegalArgumentException("not a canonical UUID");
            }
        }
        UUID uuid = UUID.fromString(text);
        if (!uuid.toString().equals(text.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("not a canonical UUID");
        }
        return uuid;
    }
}

package dev.inkan.domain;

import java.util.Locale;

/** Value object: the SHA-256 of a one-time token, in lower-case hex; the only form in which such a token is stored. */
public record OneTimeTokenHash(String hex) {

    public OneTimeTokenHash {
        if (hex == null || hex.length() != 64 || !hex.equals(hex.toLowerCase(Locale.ROOT))
                || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("a one-time token hash is 64 lower-case hex digits");
        }
    }

    @Override
    public String toString() {
        return "OneTimeTokenHash[" + hex.substring(0, 8) + "...]";
    }
}

package dev.inkan.domain;

import java.util.Locale;

/** Value object: the SHA-256 of an opaque refresh token, in lower-case hex; the only form in which a refresh token is stored. */
public record RefreshTokenHash(String hex) {

    public RefreshTokenHash {
        if (hex == null || hex.length() != 64 || !hex.equals(hex.toLowerCase(Locale.ROOT))
                || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("a refresh token hash is 64 lower-case hex digits");
        }
    }
}

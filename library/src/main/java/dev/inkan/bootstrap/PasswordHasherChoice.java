package dev.inkan.bootstrap;

import java.util.Locale;

/** {@code INKAN_PASSWORD_HASHER}: which Argon2id implementation hashes passwords. */
public enum PasswordHasherChoice {
    ARGON2_NATIVE,
    ARGON2_BC;

    static PasswordHasherChoice parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

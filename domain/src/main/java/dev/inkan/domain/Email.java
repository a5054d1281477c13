package dev.inkan.domain;

import java.util.Locale;

/** Value object: a normalised (trimmed, lower-cased) e-mail address, the login name of a user. */
public record Email(String value) {

    /** The longest address SMTP can carry (RFC 5321 4.5.3.1.3 path limit less the brackets). */
    public static final int MAX_LENGTH = 254;

    /**
     * Normalises and validates; the record always holds the normalised form.
     *
     * @throws IllegalArgumentException when the address is missing or malformed
     */
    public Email {
        if (value == null) {
            throw new IllegalArgumentException("email is required");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("email is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("email must be at most " + MAX_LENGTH + " characters");
        }
        int at = value.indexOf('@');
        if (at <= 0 || at != value.lastIndexOf('@') || at == value.length() - 1 || at > 64) {
            throw new IllegalArgumentException("email must look like name@domain");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("email must not contain spaces or control characters");
            }
        }
        String domain = value.substring(at + 1);
        if (domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            throw new IllegalArgumentException("email must look like name@domain");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

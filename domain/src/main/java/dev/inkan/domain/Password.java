package dev.inkan.domain;

/**
 * Value object: a plain-text password as a person typed it. It lives only as long as one request,
 * and never shows itself in {@link #toString()}.
 */
public record Password(String value) {

    /** Registration asks for at least this many characters (NIST SP 800-63B's floor). */
    public static final int MIN_LENGTH = 8;
    /** Longer input is refused before any hashing, so a huge body cannot buy a long Argon2 run. */
    public static final int MAX_LENGTH = 1024;

    /** @throws IllegalArgumentException when the password is missing, empty or too long */
    public Password {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("password is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("password must be at most " + MAX_LENGTH + " characters");
        }
    }

    /** @throws IllegalArgumentException when the password is too short to register with */
    public Password requireStrongEnoughToRegister() {
        if (value.codePointCount(0, value.length()) < MIN_LENGTH) {
            throw new IllegalArgumentException("password must be at least " + MIN_LENGTH + " characters");
        }
        return this;
    }

    @Override
    public String toString() {
        return "Password[***]";
    }
}

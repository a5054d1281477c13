package dev.inkan.domain;

/**
 * Value object: a plain-text password as a person typed it. It lives only as long as one request,
 * and never shows itself in {@link #toString()}. How long a new one must be is the
 * {@link PasswordPolicy}'s to say.
 */
public record Password(String value) {

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

    @Override
    public String toString() {
        return "Password[***]";
    }
}

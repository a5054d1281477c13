package dev.inkan.domain;

/**
 * Domain rule: how long a new password must be (NIST SP 800-63B-4: at least 15 characters where the
 * password is the only factor, 8 at the lowest), counted in code points, so that any character
 * counts as one. The longest allowed is {@link Password#MAX_LENGTH}, far above the 64 the
 * guideline asks to allow. The other rule, not one of the most common passwords, needs a list: the
 * services check it through their port.
 *
 * @param minLength the fewest characters a new password may have
 */
public record PasswordPolicy(int minLength) {

    /** The revision's minimum for a password that is the only factor. */
    public static final int DEFAULT_MIN_LENGTH = 15;
    /** No configuration may ask for less. */
    public static final int LOWEST_MIN_LENGTH = 8;
    /** No configuration may ask for more: every password of 64 characters is allowed. */
    public static final int HIGHEST_MIN_LENGTH = 64;

    /** @throws IllegalArgumentException when {@code minLength} is outside 8 to 64 */
    public PasswordPolicy {
        if (minLength < LOWEST_MIN_LENGTH || minLength > HIGHEST_MIN_LENGTH) {
            throw new IllegalArgumentException("the minimum password length is from " + LOWEST_MIN_LENGTH + " to "
                    + HIGHEST_MIN_LENGTH + " characters");
        }
    }

    /** The policy with the default minimum of 15 characters. */
    public static PasswordPolicy defaults() {
        return new PasswordPolicy(DEFAULT_MIN_LENGTH);
    }

    /** @throws WeakPasswordException ({@link WeakPasswordException.Rule#TOO_SHORT}) when the password is too short */
    public void requireLongEnough(Password password) {
        String value = password.value();
        if (value.codePointCount(0, value.length()) < minLength) {
            throw new WeakPasswordException(WeakPasswordException.Rule.TOO_SHORT, minLength);
        }
    }
}

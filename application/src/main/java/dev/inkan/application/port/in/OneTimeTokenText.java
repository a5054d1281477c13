package dev.inkan.application.port.in;

/** The token of a mailed link as a client sends it back: checked for size before anything hashes it. */
final class OneTimeTokenText {

    /** Far above the 43 characters Inkan issues; longer input is refused before it is hashed. */
    static final int MAX_LENGTH = 512;

    private OneTimeTokenText() {
    }

    /** @throws IllegalArgumentException when the token is missing or absurdly long */
    static String require(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token is required");
        }
        if (token.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("token is too long");
        }
        return token;
    }
}

package dev.inkan.application.port.in;

/** Command: rotate {@code refreshToken}. */
public record RefreshCommand(String refreshToken) {

    /** Far above the 43 characters Inkan issues; longer input is refused before it is hashed. */
    public static final int MAX_LENGTH = 512;

    /** @throws IllegalArgumentException when the token is missing or absurdly long */
    public RefreshCommand {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new IllegalArgumentException("refresh_token is required");
        }
        if (refreshToken.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("refresh_token is too long");
        }
    }

    @Override
    public String toString() {
        return "RefreshCommand[***]";
    }
}

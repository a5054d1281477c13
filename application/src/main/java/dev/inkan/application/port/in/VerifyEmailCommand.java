package dev.inkan.application.port.in;

/** Command: confirm an address with the token of a mailed link. The token never shows in {@link #toString()}. */
public record VerifyEmailCommand(String token) {

    /** @throws IllegalArgumentException when the token is missing or absurdly long */
    public VerifyEmailCommand {
        OneTimeTokenText.require(token);
    }

    @Override
    public String toString() {
        return "VerifyEmailCommand[***]";
    }
}

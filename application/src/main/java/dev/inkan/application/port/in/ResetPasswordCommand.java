package dev.inkan.application.port.in;

import dev.inkan.domain.Password;
import java.util.Objects;

/** Command: set {@code newPassword} with the token of a password-reset link. The token never shows in {@link #toString()}. */
public record ResetPasswordCommand(String token, Password newPassword) {

    /** @throws IllegalArgumentException when the token is missing or absurdly long */
    public ResetPasswordCommand {
        OneTimeTokenText.require(token);
        Objects.requireNonNull(newPassword, "newPassword");
    }

    /** @throws IllegalArgumentException when the token or the password is missing or malformed */
    public static ResetPasswordCommand of(String token, String newPassword) {
        return new ResetPasswordCommand(OneTimeTokenText.require(token),
                ChangePasswordCommand.password("new_password", newPassword));
    }

    @Override
    public String toString() {
        return "ResetPasswordCommand[***]";
    }
}

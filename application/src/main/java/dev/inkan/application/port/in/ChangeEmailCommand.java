package dev.inkan.application.port.in;

import dev.inkan.domain.Email;
import dev.inkan.domain.Password;
import java.util.Objects;

/** Command: move the account to {@code newEmail}, confirmed with the account's {@code password}. */
public record ChangeEmailCommand(Email newEmail, Password password) {

    public ChangeEmailCommand {
        Objects.requireNonNull(newEmail, "newEmail");
        Objects.requireNonNull(password, "password");
    }

    /** @throws IllegalArgumentException when the address or the password is missing or malformed */
    public static ChangeEmailCommand of(String newEmail, String password) {
        Email email;
        try {
            email = new Email(newEmail);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("new_" + e.getMessage());
        }
        return new ChangeEmailCommand(email, new Password(password));
    }
}

package dev.inkan.application.port.in;

import dev.inkan.domain.Email;
import dev.inkan.domain.Password;
import java.util.Objects;

/** Command: register {@code email} with {@code password}; the password policy is the service's to apply. */
public record RegisterCommand(Email email, Password password) {

    public RegisterCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
    }

    /** @throws IllegalArgumentException when either value is missing or invalid */
    public static RegisterCommand of(String email, String password) {
        return new RegisterCommand(new Email(email), new Password(password));
    }
}

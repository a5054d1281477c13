package dev.inkan.application.port.in;

import dev.inkan.domain.Email;
import dev.inkan.domain.Password;
import java.util.Objects;

/** Command: log in as {@code email} with {@code password}. */
public record LoginCommand(Email email, Password password) {

    public LoginCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
    }

    /** @throws IllegalArgumentException when either value is missing or malformed */
    public static LoginCommand of(String email, String password) {
        return new LoginCommand(new Email(email), new Password(password));
    }
}

package dev.inkan.application.port.in;

import dev.inkan.domain.Email;
import dev.inkan.domain.Password;
import java.util.Objects;
import java.util.Optional;

/** Command: log in as {@code email} with {@code password}, from a client that may name itself ({@code User-Agent}). */
public record LoginCommand(Email email, Password password, Optional<String> userAgent) {

    public LoginCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(userAgent, "userAgent");
    }

    /** @throws IllegalArgumentException when either value is missing or malformed */
    public static LoginCommand of(String email, String password) {
        return of(email, password, null);
    }

    /**
     * @param userAgent what the client calls itself, shown in the session list; may be null
     * @throws IllegalArgumentException when the e-mail or password is missing or malformed
     */
    public static LoginCommand of(String email, String password, String userAgent) {
        return new LoginCommand(new Email(email), new Password(password), Optional.ofNullable(userAgent));
    }
}

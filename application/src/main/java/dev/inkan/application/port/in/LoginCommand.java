package dev.inkan.application.port.in;

import dev.inkan.domain.Actor;
import dev.inkan.domain.Email;
import dev.inkan.domain.Password;
import dev.inkan.domain.RequestOrigin;
import java.util.Objects;
import java.util.Optional;

/**
 * Command: log in as {@code email} with {@code password}, from where {@code origin} says; its user
 * agent (what the client calls itself) names the session in the session list.
 */
public record LoginCommand(Email email, Password password, RequestOrigin origin) {

    public LoginCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(origin, "origin");
    }

    /** A login by the user from a client that may name itself, nothing else known of where it came from. */
    public LoginCommand(Email email, Password password, Optional<String> userAgent) {
        this(email, password, new RequestOrigin(Actor.user(), Optional.empty(), userAgent, Optional.empty()));
    }

    /** @throws IllegalArgumentException when either value is missing or malformed */
    public static LoginCommand of(String email, String password) {
        return of(email, password, (String) null);
    }

    /**
     * @param userAgent what the client calls itself, shown in the session list; may be null
     * @throws IllegalArgumentException when the e-mail or password is missing or malformed
     */
    public static LoginCommand of(String email, String password, String userAgent) {
        return new LoginCommand(new Email(email), new Password(password), Optional.ofNullable(userAgent));
    }

    /**
     * @param origin where the login comes from, as the security log records it
     * @throws IllegalArgumentException when the e-mail or password is missing or malformed
     */
    public static LoginCommand of(String email, String password, RequestOrigin origin) {
        return new LoginCommand(new Email(email), new Password(password), origin);
    }

    /** @return what the client calls itself, if it said */
    public Optional<String> userAgent() {
        return origin.userAgent();
    }
}

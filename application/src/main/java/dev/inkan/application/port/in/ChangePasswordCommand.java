package dev.inkan.application.port.in;

import dev.inkan.domain.Password;
import java.util.Objects;

/** Command: change the password from {@code current} to {@code next}. */
public record ChangePasswordCommand(Password current, Password next) {

    public ChangePasswordCommand {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(next, "next");
    }

    /** @throws IllegalArgumentException when either password is missing or too long */
    public static ChangePasswordCommand of(String current, String next) {
        return new ChangePasswordCommand(password("current_password", current), password("new_password", next));
    }

    static Password password(String field, String value) {
        try {
            return new Password(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }
}

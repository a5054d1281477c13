package dev.inkan.application.port.in;

import dev.inkan.domain.Email;
import dev.inkan.domain.UserId;
import java.util.Objects;

/** Result: the user that registration created. */
public record RegisteredUser(UserId id, Email email) {

    public RegisteredUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
    }
}

package dev.inkan.application.port.in;

import dev.inkan.domain.Email;
import dev.inkan.domain.UserId;
import java.util.Objects;

/** Result: an account whose address a link has just verified. */
public record VerifiedEmail(UserId user, Email email) {

    public VerifiedEmail {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(email, "email");
    }
}

package dev.inkan.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * Result: what a registration by anybody may say. With verified addresses required it says nothing
 * of the account ({@code user} is empty, for a new and a taken address alike).
 */
public record Registration(Optional<RegisteredUser> user) {

    public Registration {
        Objects.requireNonNull(user, "user");
    }
}

package dev.inkan.application.port.in;

import dev.inkan.domain.Email;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Result: one page of users, in the order of their e-mails.
 *
 * @param next what to ask for as {@code after} to get the next page; empty on the last one
 */
public record UserPage(List<UserAccount> users, Optional<Email> next) {

    public UserPage {
        users = List.copyOf(users);
        Objects.requireNonNull(next, "next");
    }
}

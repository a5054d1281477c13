package dev.inkan.application.port.in;

import dev.inkan.domain.Session;
import java.util.List;
import java.util.Objects;

/** Result: one user, with their live sessions, most recently used first. */
public record UserDetails(UserAccount account, List<Session> sessions) {

    public UserDetails {
        Objects.requireNonNull(account, "account");
        sessions = List.copyOf(sessions);
    }
}

package dev.inkan.application.port.in;

import dev.inkan.domain.Session;
import java.util.List;
import java.util.Objects;

/**
 * Result: one user, with their live sessions, most recently used first.
 *
 * @param sessions the {@link #MAX_SESSIONS} most recently used of them at most
 * @param sessionCount how many there are
 */
public record UserDetails(UserAccount account, List<Session> sessions, int sessionCount) {

    /** How many sessions a user's details list: a user who logs in a thousand times does not make a thousand-row answer. */
    public static final int MAX_SESSIONS = 50;

    public UserDetails {
        Objects.requireNonNull(account, "account");
        sessions = List.copyOf(sessions);
    }
}

package dev.inkan.application.port.in;

import dev.inkan.domain.Session;
import java.util.Objects;

/** Result: one of the caller's live sessions, and whether it is the one the caller is using. */
public record SessionSummary(Session session, boolean current) {

    public SessionSummary {
        Objects.requireNonNull(session, "session");
    }
}

package dev.inkan.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Entity: one login session of a user (one device, one browser), the family of refresh tokens it
 * rotates through, as a person would recognise it in a list of their sessions.
 */
public record Session(SessionId id, UserId userId, Instant createdAt, Instant lastUsedAt, Optional<String> userAgent) {

    /** User agents longer than this are cut: they are shown to people, not parsed. */
    public static final int MAX_USER_AGENT_LENGTH = 256;

    /**
     * How precise {@link #lastUsedAt()} is: a refresh moves it only when the recorded last use is
     * older than this, so most refreshes write no session row. A person who reads "last used" in
     * a list of sessions needs no more than the minute.
     */
    public static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        userAgent = Objects.requireNonNull(userAgent, "userAgent")
                .map(String::strip)
                .filter(agent -> !agent.isEmpty())
                .map(agent -> agent.length() > MAX_USER_AGENT_LENGTH ? agent.substring(0, MAX_USER_AGENT_LENGTH) : agent);
    }

    /** A session that starts now. */
    public static Session start(SessionId id, UserId userId, Instant now, Optional<String> userAgent) {
        return new Session(id, userId, now, now, userAgent);
    }
}

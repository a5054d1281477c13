package dev.inkan.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Value object: one entry of the security log. What happened, when, to which user, who made it
 * happen and from where, and the session or role it concerns. Never a password, a token, a hash
 * or an e-mail address.
 *
 * <pre>{@code
 * SecurityEvent event = SecurityEvent.of(random.uuid(), now, SecurityEventType.PASSWORD_CHANGED, user, origin)
 *         .withSession(claims.sessionId());
 * }</pre>
 *
 * @param occurredAt when, to the microsecond (as both databases keep it)
 * @param userId whose account; absent only for a failed login with an e-mail nobody registered
 * @param sessionId the session the event is about or came from, if any
 * @param role the role granted or revoked: present for those two types, absent for every other
 * @param origin who acted, and from where; an {@link SecurityEventType#ACCOUNT_DELETED} event keeps
 *     no client address or user agent, as the account's data goes with it
 */
public record SecurityEvent(UUID id, Instant occurredAt, SecurityEventType type, Optional<UserId> userId,
                            Optional<SessionId> sessionId, Optional<Role> role, RequestOrigin origin) {

    /** @throws IllegalArgumentException when the user or role is missing where the type needs it, or there where it does not */
    public SecurityEvent {
        Objects.requireNonNull(id, "id");
        occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(origin, "origin");
        if (userId.isEmpty() && !type.mayLackUser()) {
            throw new IllegalArgumentException("an event of type " + type + " needs a user");
        }
        if (role.isPresent() != type.namesARole()) {
            throw new IllegalArgumentException("an event of type " + type + (type.namesARole() ? " names its role" : " names no role"));
        }
        if (type == SecurityEventType.ACCOUNT_DELETED) {
            origin = origin.withoutClient();
        }
    }

    /** An event about {@code user}, with no session (add one with {@link #withSession}) and no role. */
    public static SecurityEvent of(UUID id, Instant occurredAt, SecurityEventType type, UserId user, RequestOrigin origin) {
        return new SecurityEvent(id, occurredAt, type, Optional.of(Objects.requireNonNull(user, "user")), Optional.empty(),
                Optional.empty(), origin);
    }

    /** A failed login; {@code user} is empty when nobody registered the e-mail, which the event never holds. */
    public static SecurityEvent loginFailed(UUID id, Instant occurredAt, Optional<UserId> user, RequestOrigin origin) {
        return new SecurityEvent(id, occurredAt, SecurityEventType.LOGIN_FAILED, user, Optional.empty(), Optional.empty(), origin);
    }

    /** @return this event, about {@code session} */
    public SecurityEvent withSession(SessionId session) {
        return new SecurityEvent(id, occurredAt, type, userId, Optional.of(session), role, origin);
    }

    /** A role granted to or revoked from {@code user} ({@code type} is one of the two). */
    public static SecurityEvent ofRole(UUID id, Instant occurredAt, SecurityEventType type, UserId user, Role role,
                                       RequestOrigin origin) {
        return new SecurityEvent(id, occurredAt, type, Optional.of(Objects.requireNonNull(user, "user")), Optional.empty(),
                Optional.of(Objects.requireNonNull(role, "role")), origin);
    }
}

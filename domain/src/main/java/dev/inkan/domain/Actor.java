package dev.inkan.domain;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Value object: who made a {@link SecurityEvent} happen. The user themself (whoever held their
 * password or token), an administrator (by user id), the operator's command line, or the
 * embedding application calling Inkan's use cases without saying who.
 *
 * @param userId the administrator's id, for {@link Kind#ADMIN} only
 */
public record Actor(Kind kind, Optional<UserId> userId) {

    /** The kinds of actor, each with its wire name. */
    public enum Kind {
        /** The user the event is about, acting on their own account. */
        USER("user"),
        /** An administrator, through the admin API. */
        ADMIN("admin"),
        /** The operator, through the command line. */
        CLI("cli"),
        /** The embedding application, through the library, without saying who asked. */
        APPLICATION("application");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        /** @return the kind's name in JSON and in the table: {@code admin} */
        public String wireName() {
            return wireName;
        }

        /** @return the kind with this wire name, if there is one */
        public static Optional<Kind> fromWireName(String name) {
            return Arrays.stream(values()).filter(kind -> kind.wireName.equals(name)).findFirst();
        }

        @Override
        public String toString() {
            return wireName;
        }
    }

    /** @throws IllegalArgumentException when an administrator has no id, or another kind has one */
    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(userId, "userId");
        if ((kind == Kind.ADMIN) != userId.isPresent()) {
            throw new IllegalArgumentException("an administrator is named by their user id, and only an administrator is");
        }
    }

    /** The user acting on their own account. */
    public static Actor user() {
        return new Actor(Kind.USER, Optional.empty());
    }

    /** An administrator, by their user id. */
    public static Actor admin(UserId admin) {
        return new Actor(Kind.ADMIN, Optional.of(admin));
    }

    /** The operator's command line. */
    public static Actor cli() {
        return new Actor(Kind.CLI, Optional.empty());
    }

    /** The embedding application, calling a use case without saying who asked. */
    public static Actor application() {
        return new Actor(Kind.APPLICATION, Optional.empty());
    }
}

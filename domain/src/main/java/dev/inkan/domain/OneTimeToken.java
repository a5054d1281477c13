package dev.inkan.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Entity: a one-time token as stored (its hash, never the token), the token of a link mailed to a
 * user: what it is for, for whom, and until when it works. It works once; a newer token of the same
 * user and purpose voids it.
 *
 * @param newEmail for {@link Purpose#CHANGE_EMAIL}, the address the account moves to; empty otherwise
 */
public record OneTimeToken(OneTimeTokenHash hash, UserId userId, Purpose purpose, Optional<Email> newEmail,
                           Instant createdAt, Instant expiresAt) {

    /** What a one-time token does, and how long it works. */
    public enum Purpose {
        /** Sets a new password: 30 minutes. */
        PASSWORD_RESET(Duration.ofMinutes(30)),
        /** Marks the account's address verified: 24 hours. */
        VERIFY_EMAIL(Duration.ofHours(24)),
        /** Moves the account to a new address, which it verifies: 24 hours. */
        CHANGE_EMAIL(Duration.ofHours(24));

        private final Duration lifetime;

        Purpose(Duration lifetime) {
            this.lifetime = lifetime;
        }

        public Duration lifetime() {
            return lifetime;
        }

        /** @return the name stored for it: {@code password_reset}, {@code verify_email}, {@code change_email} */
        public String storedName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws IllegalArgumentException for a name that is not one of {@link #storedName()}'s */
        public static Purpose ofStoredName(String name) {
            for (Purpose purpose : values()) {
                if (purpose.storedName().equals(name)) {
                    return purpose;
                }
            }
            throw new IllegalArgumentException("not a one-time token purpose");
        }
    }

    public OneTimeToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(newEmail, "newEmail");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if ((purpose == Purpose.CHANGE_EMAIL) != newEmail.isPresent()) {
            throw new IllegalArgumentException("a new address goes with a change of address, and only with it");
        }
    }

    /** A token issued at {@code now}, working for its purpose's lifetime. */
    public static OneTimeToken issue(OneTimeTokenHash hash, UserId user, Purpose purpose, Optional<Email> newEmail,
                                     Instant now) {
        return new OneTimeToken(hash, user, purpose, newEmail, now, now.plus(purpose.lifetime()));
    }

    /** @return whether it still works at {@code now} */
    public boolean isLiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}

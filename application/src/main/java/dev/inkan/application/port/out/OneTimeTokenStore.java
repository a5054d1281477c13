package dev.inkan.application.port.out;

import dev.inkan.domain.Email;
import dev.inkan.domain.EmailAlreadyRegisteredException;
import dev.inkan.domain.OneTimeToken;
import dev.inkan.domain.OneTimeTokenHash;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.Revocation;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Driven port: the one-time tokens of mailed links (password reset, address verification, change of
 * address), kept as hashes only, and what using one does to the account. Each method is one
 * transaction: a token is spent together with the change it makes, or neither happens; of any
 * number of concurrent uses of one token exactly one succeeds. An expired token never works. Every
 * method may throw {@link StoreUnavailableException}. The {@link SecurityEvent} of a change is
 * recorded in its transaction, as {@link UserRepository} records its own.
 */
public interface OneTimeTokenStore {

    /**
     * Stores {@code token} and deletes the user's earlier tokens of the same purpose, which stop
     * working: together, under the user's row lock.
     *
     * @return whether it was stored (false when the user no longer exists)
     */
    default boolean issue(OneTimeToken token) {
        return issue(token, Optional.empty());
    }

    /**
     * As {@link #issue(OneTimeToken)}, recording {@code event} with it (a reset requested).
     *
     * @return whether it was stored, and the event with it (false when the user no longer exists)
     */
    boolean issue(OneTimeToken token, Optional<SecurityEvent> event);

    /**
     * Spends a live {@link OneTimeToken.Purpose#PASSWORD_RESET} token and sets the user's password
     * hash to {@code newHash}; the address counts as verified (the link reached it); every session
     * of the user ends and every access token issued before {@code now} is refused, with the
     * {@link Revocation}s recorded and published as {@link SessionStore#endAllOfUser} does; every other
     * link of the user stops working. A disabled account's links do nothing.
     *
     * @return the user as the change left them, or empty when the token is unknown, spent, expired
     *     or of another purpose (nothing changes then)
     * @param events makes the {@link SecurityEventType#PASSWORD_RESET_COMPLETED} event, recorded with the change
     */
    Optional<UserAccountChange> resetPassword(OneTimeTokenHash hash, PasswordHash newHash, Instant now, Events events);

    /**
     * Spends a live {@link OneTimeToken.Purpose#VERIFY_EMAIL} token, which marks the address
     * verified, or a {@link OneTimeToken.Purpose#CHANGE_EMAIL} token, which moves the account to the
     * token's new address and marks that verified.
     *
     * @return what it confirmed, or empty when the token is unknown, spent, expired or of another purpose
     * @throws EmailAlreadyRegisteredException when the new address belongs to another account by now;
     *     the token is spent all the same
     * @param events makes the {@link SecurityEventType#EMAIL_VERIFIED} or {@link SecurityEventType#EMAIL_CHANGED}
     *     event, recorded with the change
     */
    Optional<UserAccountChange> confirmEmail(OneTimeTokenHash hash, Instant now, Events events);

    /** Makes the event of a link's use, once the store knows whose link it was. */
    @FunctionalInterface
    interface Events {

        SecurityEvent of(SecurityEventType type, UserId user);
    }

    /**
     * What spending a token changed.
     *
     * @param user whose account it was
     * @param email the account's address after the change
     * @param previousEmail the address before, when the change moved the account to another one
     */
    record UserAccountChange(UserId user, Email email, Optional<Email> previousEmail) {

        public UserAccountChange {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(previousEmail, "previousEmail");
        }
    }
}

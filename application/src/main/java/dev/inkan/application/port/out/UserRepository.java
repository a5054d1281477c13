package dev.inkan.application.port.out;

import dev.inkan.domain.Email;
import dev.inkan.domain.EmailAlreadyRegisteredException;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.Revocation;
import dev.inkan.domain.Role;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.TooManyRolesException;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import dev.inkan.domain.UserNotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: where users are kept. Every method may throw {@link StoreUnavailableException}.
 *
 * <p>Each administration method takes the {@link SecurityEvent} that records its change and writes
 * it in the same transaction, only when the call changes something, as {@link SessionStore} does.
 * A repository of an application's own does that too: recording the events of its changes is its
 * job, wherever its security log keeps them.
 */
public interface UserRepository {

    /**
     * Stores a new user.
     *
     * @throws EmailAlreadyRegisteredException when a user with the same e-mail exists
     */
    void add(User user);

    /** @return the user registered with {@code email}, if any */
    Optional<User> findByEmail(Email email);

    /** @return the user with {@code id}, if any */
    Optional<User> findById(UserId id);

    /** Replaces a user's password hash (after a rehash with stronger parameters). */
    void updatePasswordHash(UserId id, PasswordHash hash);

    /**
     * Sets a new password chosen by the user, and ends every other session of theirs, in one
     * transaction: the session {@code keep} (the caller's) and its access tokens go on working; the
     * other sessions' refresh tokens are revoked and their access tokens refused, with the
     * {@link Revocation}s recorded and published as {@link SessionStore#end} does. Every link mailed
     * before (a reset, a change of address) stops working, and {@code event} is recorded.
     *
     * @return the sessions this call ended
     * @throws UserNotFoundException when there is no such user
     */
    List<SessionId> changePassword(UserId id, PasswordHash hash, SessionId keep, Instant now, SecurityEvent event);

    /**
     * @param emailPrefix only users whose e-mail starts with it ({@code ""} for all)
     * @param afterEmail only users whose e-mail sorts after it: the last one of the previous page
     * @param limit at most this many
     * @return users in the order of their e-mails
     */
    List<User> list(String emailPrefix, Optional<Email> afterEmail, int limit);

    /**
     * Gives a user a role; the next access token of each session carries it.
     *
     * @param event the {@code role_granted} event, recorded when the user lacked the role
     * @return whether the user lacked it
     * @throws UserNotFoundException when there is no such user
     * @throws TooManyRolesException when the user holds {@link Role#MAX_PER_USER} roles already
     */
    boolean grantRole(UserId id, Role role, SecurityEvent event);

    /**
     * Takes a role away and raises the user's roles version, in one transaction with the
     * {@link Revocation.RolesRevoked} that refuses every access token of an older version (the
     * ones that may hold the role, also one issued by a refresh racing this call), which it
     * records and publishes as {@link SessionStore} does its revocations.
     *
     * @param event the {@code role_revoked} event, recorded when the user held the role
     * @return whether the user held it
     * @throws UserNotFoundException when there is no such user
     */
    boolean revokeRole(UserId id, Role role, Instant now, SecurityEvent event);

    /**
     * Disables an account and ends every session of it, in one transaction, with the revocations
     * that refuse its access tokens. A login racing this call either finishes first (and its session
     * is ended here) or finds the account disabled ({@link SessionStore#start} refuses it). The
     * account's mailed links stop working, for good.
     *
     * @param event the {@code account_disabled} event, recorded when this call disables the account
     * @return whether this call disabled it (false when it was disabled already)
     * @throws UserNotFoundException when there is no such user
     */
    boolean disable(UserId id, Instant now, SecurityEvent event);

    /**
     * @param event the {@code account_enabled} event, recorded when this call enables the account
     * @return whether this call enabled the account (false when it was not disabled)
     * @throws UserNotFoundException when there is no such user
     */
    boolean enable(UserId id, SecurityEvent event);

    /**
     * Deletes a user with their roles, sessions, refresh tokens and one-time tokens, and records the
     * {@link Revocation.UserDeleted} that refuses every access token of theirs until the last one
     * could have expired, also after a restart: a tombstone holding the user id alone. The user's
     * security events go too (they hold client addresses and user agents), and so do the client
     * addresses and user agents of the events the user caused as an administrator; {@code event},
     * the {@code account_deleted} event that holds the user id and who acted alone, is what stays.
     *
     * @return whether the user existed
     */
    boolean delete(UserId id, Instant now, SecurityEvent event);
}

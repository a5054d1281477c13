package dev.inkan.application.port.in;

import dev.inkan.domain.Actor;
import dev.inkan.domain.Email;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.Role;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.TooManyRolesException;
import dev.inkan.domain.UserId;
import dev.inkan.domain.UserNotFoundException;
import java.util.List;
import java.util.Optional;

/**
 * Use case: what an administrator does to users, through the admin API (whose caller holds the
 * role {@code admin}) or the operator's command line. Every change that takes something away (a
 * role, the account, its sessions) refuses the access tokens it concerns on every instance, and
 * none that a refresh racing it issues survives it. Every change is recorded in the security log
 * with its {@link RequestOrigin} (the administrator, or the command line); the forms without one
 * record the embedding application ({@link Actor#application()}) as who acted.
 */
public interface AdministerUsersUseCase {

    /** The most users one page holds. */
    int MAX_PAGE = 100;

    /**
     * @param emailPrefix only users whose e-mail starts with it, compared as e-mails are stored
     *     (lower case); {@code ""} for all
     * @param after the {@link UserPage#next} of the previous page
     * @param limit 1 to {@link #MAX_PAGE}
     */
    UserPage list(String emailPrefix, Optional<Email> after, int limit);

    /** @throws UserNotFoundException when there is no such user */
    UserDetails get(UserId id);

    /** @throws UserNotFoundException when nobody registered with that e-mail */
    UserDetails get(Email email);

    /**
     * @param origin who grants it, from where
     * @return whether the user lacked the role; the next refresh of each session carries it
     * @throws UserNotFoundException when there is no such user
     * @throws TooManyRolesException when the user holds {@link Role#MAX_PER_USER} already
     */
    boolean grant(UserId id, Role role, RequestOrigin origin);

    /**
     * @param origin who revokes it, from where
     * @return whether the user held the role; no access token issued before this call is accepted
     *     any more, the user's next refresh gives one without it
     * @throws UserNotFoundException when there is no such user
     */
    boolean revoke(UserId id, Role role, RequestOrigin origin);

    /**
     * Disables the account: every session ends, and login is refused.
     *
     * @param origin who disables it, from where
     * @return whether this call disabled it
     * @throws UserNotFoundException when there is no such user
     */
    boolean disable(UserId id, RequestOrigin origin);

    /**
     * @param origin who enables it, from where
     * @return whether this call enabled it
     * @throws UserNotFoundException when there is no such user
     */
    boolean enable(UserId id, RequestOrigin origin);

    /**
     * Deletes the user and their data, their security events among them; their access tokens stay
     * refused, also after a restart. The log keeps one {@code account_deleted} event, with the user
     * id and who acted alone.
     *
     * @param origin who deletes them, from where
     * @throws UserNotFoundException when there is no such user
     */
    void delete(UserId id, RequestOrigin origin);

    /**
     * Ends every session of the user and refuses every access token issued to them so far.
     *
     * @param origin who logs them out, from where
     * @return the sessions it ended
     * @throws UserNotFoundException when there is no such user
     */
    List<SessionId> logoutEverywhere(UserId id, RequestOrigin origin);

    /** {@link #grant(UserId, Role, RequestOrigin)} on behalf of the embedding application. */
    default boolean grant(UserId id, Role role) {
        return grant(id, role, RequestOrigin.of(Actor.application()));
    }

    /** {@link #revoke(UserId, Role, RequestOrigin)} on behalf of the embedding application. */
    default boolean revoke(UserId id, Role role) {
        return revoke(id, role, RequestOrigin.of(Actor.application()));
    }

    /** {@link #disable(UserId, RequestOrigin)} on behalf of the embedding application. */
    default boolean disable(UserId id) {
        return disable(id, RequestOrigin.of(Actor.application()));
    }

    /** {@link #enable(UserId, RequestOrigin)} on behalf of the embedding application. */
    default boolean enable(UserId id) {
        return enable(id, RequestOrigin.of(Actor.application()));
    }

    /** {@link #delete(UserId, RequestOrigin)} on behalf of the embedding application. */
    default void delete(UserId id) {
        delete(id, RequestOrigin.of(Actor.application()));
    }

    /** {@link #logoutEverywhere(UserId, RequestOrigin)} on behalf of the embedding application. */
    default List<SessionId> logoutEverywhere(UserId id) {
        return logoutEverywhere(id, RequestOrigin.of(Actor.application()));
    }
}

package dev.inkan.application.port.in;

import dev.inkan.domain.Email;
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
 * none that a refresh racing it issues survives it.
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
     * @return whether the user lacked the role; the next refresh of each session carries it
     * @throws UserNotFoundException when there is no such user
     * @throws TooManyRolesException when the user holds {@link Role#MAX_PER_USER} already
     */
    boolean grant(UserId id, Role role);

    /**
     * @return whether the user held the role; no access token issued before this call is accepted
     *     any more, the user's next refresh gives one without it
     * @throws UserNotFoundException when there is no such user
     */
    boolean revoke(UserId id, Role role);

    /**
     * Disables the account: every session ends, and login is refused.
     *
     * @return whether this call disabled it
     * @throws UserNotFoundException when there is no such user
     */
    boolean disable(UserId id);

    /**
     * @return whether this call enabled it
     * @throws UserNotFoundException when there is no such user
     */
    boolean enable(UserId id);

    /**
     * Deletes the user and their data; their access tokens stay refused, also after a restart.
     *
     * @throws UserNotFoundException when there is no such user
     */
    void delete(UserId id);

    /**
     * Ends every session of the user and refuses every access token issued to them so far.
     *
     * @return the sessions it ended
     * @throws UserNotFoundException when there is no such user
     */
    List<SessionId> logoutEverywhere(UserId id);
}

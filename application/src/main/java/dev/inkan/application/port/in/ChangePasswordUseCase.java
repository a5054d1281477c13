package dev.inkan.application.port.in;

import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidCredentialsException;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.WeakPasswordException;

/** Use case: the caller sets a new password, knowing the current one. */
public interface ChangePasswordUseCase {

    /**
     * Sets the new password, ends every other session of the caller's (their refresh and access
     * tokens refused), keeps the caller's own, and mails a notice to the account's address.
     *
     * @param caller the verified claims of the caller's access token
     * @throws WeakPasswordException when the new password breaks the password policy
     * @throws InvalidCredentialsException when the current password is wrong
     * @throws InvalidTokenException with reason {@code UNKNOWN_SUBJECT} when the user no longer exists
     */
    void changePassword(AccessTokenClaims caller, ChangePasswordCommand command, RequestOrigin origin);
}

package dev.inkan.application.port.in;

import dev.inkan.domain.InvalidOneTimeTokenException;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.WeakPasswordException;

/** Use case: set a new password with the token of a password-reset link. */
public interface ResetPasswordUseCase {

    /**
     * Spends the token and sets the password, ends every session of the user and refuses every
     * access token issued to them so far, all or nothing; the address counts as verified, and a
     * notice goes to it.
     *
     * @throws WeakPasswordException when the new password breaks the password policy
     * @throws InvalidOneTimeTokenException when the token is unknown, expired or used already
     */
    void resetPassword(ResetPasswordCommand command, RequestOrigin origin);
}

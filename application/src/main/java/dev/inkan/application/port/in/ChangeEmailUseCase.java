package dev.inkan.application.port.in;

import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidCredentialsException;
import dev.inkan.domain.InvalidTokenException;

/** Use case: the caller asks to move their account to another address, knowing their password. */
public interface ChangeEmailUseCase {

    /**
     * Mails a link to the new address (24 hours; the change happens when it is used, see
     * {@link VerifyEmailUseCase}) and a notice to the current one. When the new address belongs to
     * another account, its owner is told instead of getting a link, and the caller's answer is the same.
     *
     * @param caller the verified claims of the caller's access token
     * @throws IllegalArgumentException when the new address is the current one
     * @throws InvalidCredentialsException when the password is wrong
     * @throws InvalidTokenException with reason {@code UNKNOWN_SUBJECT} when the user no longer exists
     */
    void requestChange(AccessTokenClaims caller, ChangeEmailCommand command);
}

package dev.inkan.application.port.in;

import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidCredentialsException;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.Password;
import dev.inkan.domain.RequestOrigin;

/** Use case: the caller deletes their own account, knowing its password. */
public interface DeleteAccountUseCase {

    /**
     * Deletes the account as an administrator's delete does: its data goes, and every token of it
     * stays refused, also after a restart.
     *
     * @param caller the verified claims of the caller's access token
     * @throws InvalidCredentialsException when the password is wrong
     * @throws InvalidTokenException with reason {@code UNKNOWN_SUBJECT} when the user no longer exists
     */
    void deleteOwnAccount(AccessTokenClaims caller, Password password, RequestOrigin origin);
}

package dev.inkan.application.port.in;

import dev.inkan.domain.AccountDisabledException;
import dev.inkan.domain.InvalidCredentialsException;

/** Use case: exchange an e-mail and password for an access token and a refresh token. */
public interface LoginUseCase {

    /**
     * @param command the credentials
     * @return a new session's tokens
     * @throws InvalidCredentialsException for an unknown e-mail and for a wrong password alike
     * @throws AccountDisabledException when the password is right but an administrator disabled the account
     */
    IssuedTokens login(LoginCommand command);
}

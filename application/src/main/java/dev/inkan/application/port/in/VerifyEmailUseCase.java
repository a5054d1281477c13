package dev.inkan.application.port.in;

import dev.inkan.domain.EmailAlreadyRegisteredException;
import dev.inkan.domain.InvalidOneTimeTokenException;
import dev.inkan.domain.RequestOrigin;

/** Use case: confirm an address with the token of a mailed link (after registering, or to change the account's address). */
public interface VerifyEmailUseCase {

    /**
     * Spends the token: a verification link marks the account's address verified; the link of a
     * change of address moves the account to the new address, verified.
     *
     * @return the account and its verified address
     * @throws InvalidOneTimeTokenException when the token is unknown, expired or used already
     * @throws EmailAlreadyRegisteredException when the new address was taken meanwhile (the token is spent)
     */
    VerifiedEmail verifyEmail(VerifyEmailCommand command, RequestOrigin origin);
}

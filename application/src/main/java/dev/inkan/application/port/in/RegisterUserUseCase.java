package dev.inkan.application.port.in;

import dev.inkan.domain.EmailAlreadyRegisteredException;
import dev.inkan.domain.WeakPasswordException;

/**
 * Use case: register a new user with an e-mail and a password. A new account's address gets a
 * verification link.
 */
public interface RegisterUserUseCase {

    /**
     * Registers the user, whatever the service requires of addresses: for an operator and an
     * embedding application, which may say that the address is taken.
     *
     * @param command the e-mail and password, already validated
     * @return the new user's id and normalised e-mail
     * @throws EmailAlreadyRegisteredException when the e-mail is taken
     * @throws WeakPasswordException when the password breaks the password policy
     */
    RegisteredUser register(RegisterCommand command);

    /**
     * Registration by anybody, as the public API offers it. When the service requires verified
     * addresses, it tells nothing about who has an account: a new address and a taken one get the
     * same answer, after the same work (a password hash either way); the owner of a taken address
     * is told by mail, and the account stays as it was. Otherwise it is {@link #register}.
     *
     * @return the new user, or, when addresses must be verified, only that a mail is on its way
     * @throws EmailAlreadyRegisteredException when the e-mail is taken and addresses need no verification
     * @throws WeakPasswordException when the password breaks the password policy
     */
    Registration signUp(RegisterCommand command);
}

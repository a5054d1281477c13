package dev.inkan.application.port.in;

import dev.inkan.domain.EmailAlreadyRegisteredException;

/** Use case: register a new user with an e-mail and a password. */
public interface RegisterUserUseCase {

    /**
     * @param command the e-mail and password, already validated
     * @return the new user's id and normalised e-mail
     * @throws EmailAlreadyRegisteredException when the e-mail is taken
     */
    RegisteredUser register(RegisterCommand command);
}

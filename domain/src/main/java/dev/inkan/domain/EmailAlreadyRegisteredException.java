package dev.inkan.domain;

/** Registration refused: a user with this (normalised) e-mail exists already. */
public final class EmailAlreadyRegisteredException extends AuthException {

    public EmailAlreadyRegisteredException() {
        super("this email is already registered");
    }
}

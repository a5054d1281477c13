package dev.inkan.domain;

/** The e-mail and password do not match a user; deliberately silent about which of the two was wrong. */
public final class InvalidCredentialsException extends AuthException {

    public InvalidCredentialsException() {
        super("invalid email or password");
    }
}

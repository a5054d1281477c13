package dev.inkan.domain;

/** The e-mail and password were right, but the address is not verified and the service requires it: no login. */
public final class EmailNotVerifiedException extends AuthException {

    public EmailNotVerifiedException() {
        super("this account's e-mail address is not verified yet");
    }
}

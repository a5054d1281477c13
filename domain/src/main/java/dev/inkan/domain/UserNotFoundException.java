package dev.inkan.domain;

/** No user has that id or e-mail (never registered, or deleted). */
public final class UserNotFoundException extends AuthException {

    public UserNotFoundException() {
        super("no such user");
    }
}

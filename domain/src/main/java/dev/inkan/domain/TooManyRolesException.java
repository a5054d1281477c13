package dev.inkan.domain;

/** A user holds {@link Role#MAX_PER_USER} roles already: one more is refused. */
public final class TooManyRolesException extends AuthException {

    public TooManyRolesException() {
        super("a user holds at most " + Role.MAX_PER_USER + " roles");
    }
}

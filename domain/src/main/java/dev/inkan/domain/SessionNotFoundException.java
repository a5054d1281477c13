package dev.inkan.domain;

/** The caller has no live session with that id (it never existed, ended, or is someone else's: the answer is the same). */
public final class SessionNotFoundException extends AuthException {

    public SessionNotFoundException() {
        super("no such session");
    }
}

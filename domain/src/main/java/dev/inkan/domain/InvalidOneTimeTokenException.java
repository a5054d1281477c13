package dev.inkan.domain;

/**
 * A one-time token (the token of a mailed link) was refused: unknown, expired, used already, or
 * voided by a newer one. The caller is never told which.
 */
public final class InvalidOneTimeTokenException extends AuthException {

    public InvalidOneTimeTokenException() {
        super("the link is invalid, expired or used already");
    }
}

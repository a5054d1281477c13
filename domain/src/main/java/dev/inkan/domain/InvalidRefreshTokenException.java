package dev.inkan.domain;

import java.util.Objects;

/** A refresh token was refused; unknown, expired, revoked and reused tokens all look the same to the caller. */
public class InvalidRefreshTokenException extends AuthException {

    /**
     * Every reason a refresh token can be refused. {@code OTHER_SESSION}: the token belongs to
     * another session than the one the request is bound to (a refresh cookie planted beside the
     * browser's own). {@code SPENT}: spent a moment ago, but its successor is not one this server
     * stored (derived under a secret that has changed since); nothing is ended for it.
     */
    public enum Reason { UNKNOWN, EXPIRED, REVOKED, REUSED, OTHER_SESSION, SPENT }

    private final Reason reason;

    public InvalidRefreshTokenException(Reason reason) {
        super("refresh token refused: " + reason);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}

package dev.inkan.domain;

import java.util.Objects;

/** A refresh token was refused; unknown, expired, revoked and reused tokens all look the same to the caller. */
public class InvalidRefreshTokenException extends AuthException {

    /** Every reason a refresh token can be refused. */
    public enum Reason { UNKNOWN, EXPIRED, REVOKED, REUSED }

    private final Reason reason;

    public InvalidRefreshTokenException(Reason reason) {
        super("refresh token refused: " + reason);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}

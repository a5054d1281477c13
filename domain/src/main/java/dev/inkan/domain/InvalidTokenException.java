package dev.inkan.domain;

import java.util.Objects;

/**
 * An access token was refused. The reason is for counting and for logs; callers see only that the
 * token is invalid, never which check failed.
 */
public final class InvalidTokenException extends AuthException {

    /** Every reason an access token can be refused. */
    public enum Reason {
        MISSING,
        OVERSIZED,
        MALFORMED,
        MALFORMED_HEADER,
        UNSUPPORTED_ALGORITHM,
        CRITICAL_HEADER,
        UNTRUSTED_HEADER,
        UNKNOWN_KEY,
        BAD_SIGNATURE,
        MALFORMED_CLAIMS,
        EXPIRED,
        NOT_YET_VALID,
        ISSUED_IN_FUTURE,
        WRONG_ISSUER,
        WRONG_AUDIENCE,
        REVOKED,
        UNKNOWN_SUBJECT
    }

    private final Reason reason;

    public InvalidTokenException(Reason reason) {
        super("access token refused: " + reason);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}

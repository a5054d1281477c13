package dev.inkan.token;

import java.util.Objects;

/**
 * A token was refused, for the reason of the first check it failed. The reason is for counting and
 * for logs; the message names it and nothing of the token. It carries no stack trace, so refusing a
 * flood of bad tokens costs little.
 */
public final class TokenException extends RuntimeException {

    /** Every reason the format refuses a token. */
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
        WRONG_AUDIENCE
    }

    private final Reason reason;

    public TokenException(Reason reason) {
        super("token refused: " + Objects.requireNonNull(reason, "reason"), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

package dev.inkan.verifier;

import dev.inkan.token.TokenException;
import java.util.Objects;
import java.util.Optional;

/**
 * A token was refused, for the reason of the first check it failed. As with the token format's own
 * {@link TokenException}, the message names the reason and nothing of the token, and there is no
 * stack trace, so refusing a flood of bad tokens costs little. Answer it with 401 and
 * {@code WWW-Authenticate: Bearer error="invalid_token"}, whatever the reason.
 */
public final class TokenRefusedException extends RuntimeException {

    /** Why a token was refused. */
    public enum Reason {
        /** The token itself failed a check: its form, header, signature or claims; {@link #tokenReason()} says which. */
        INVALID,
        /** A revocation the feed delivered refuses it: a logout, a session ended, a user cut off, a role taken away. */
        REVOKED,
        /** No key to verify with: the discovery document or the JWK Set could not be fetched or was refused. */
        KEYS_UNAVAILABLE,
        /** The revocation feed has been away longer than the {@link FeedPolicy} allows, and it refuses then. */
        FEED_STALE
    }

    private final Reason reason;
    private final Optional<TokenException.Reason> tokenReason;

    TokenRefusedException(Reason reason) {
        this(reason, Optional.empty());
    }

    TokenRefusedException(TokenException.Reason tokenReason) {
        this(Reason.INVALID, Optional.of(tokenReason));
    }

    private TokenRefusedException(Reason reason, Optional<TokenException.Reason> tokenReason) {
        super("token refused: " + Objects.requireNonNull(reason, "reason") + tokenReason.map(r -> " (" + r + ")").orElse(""),
                null, false, false);
        this.reason = reason;
        this.tokenReason = tokenReason;
    }

    public Reason reason() {
        return reason;
    }

    /** @return for {@link Reason#INVALID}, the check of the token format that failed */
    public Optional<TokenException.Reason> tokenReason() {
        return tokenReason;
    }
}

package dev.inkan.application.port.in;

import dev.inkan.domain.AccessTokenClaims;
import java.time.Duration;
import java.util.Objects;

/**
 * Result: a signed access token with its claims, and the opaque refresh token that renews it. The
 * tokens never appear in {@link #toString()}.
 */
public record IssuedTokens(String accessToken, AccessTokenClaims claims, String refreshToken, Duration refreshExpiresIn) {

    public IssuedTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(refreshExpiresIn, "refreshExpiresIn");
    }

    /** Seconds from issue to expiry of the access token. */
    public long accessExpiresInSeconds() {
        return Duration.between(claims.issuedAt(), claims.expiresAt()).getSeconds();
    }

    @Override
    public String toString() {
        return "IssuedTokens[sub=" + claims.subject() + ", sid=" + claims.sessionId() + ", tokens=***]";
    }
}

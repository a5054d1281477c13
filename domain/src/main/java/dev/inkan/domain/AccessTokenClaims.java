package dev.inkan.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Value object: the claims of an access token ({@code iss}, {@code sub}, {@code aud}, {@code iat},
 * {@code exp}, optional {@code nbf}, {@code jti}, {@code sid}). Instants are whole seconds, as JWT
 * NumericDates are.
 */
public record AccessTokenClaims(
        String issuer,
        UserId subject,
        List<String> audience,
        Instant issuedAt,
        Instant expiresAt,
        Optional<Instant> notBefore,
        String tokenId,
        SessionId sessionId) {

    public AccessTokenClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        audience = List.copyOf(audience);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(sessionId, "sessionId");
        if (tokenId == null || tokenId.isEmpty()) {
            throw new IllegalArgumentException("jti is required");
        }
        if (audience.isEmpty()) {
            throw new IllegalArgumentException("aud is required");
        }
    }
}

package dev.inkan.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Value object: the claims of an access token ({@code iss}, {@code sub}, {@code aud}, {@code iat},
 * {@code exp}, optional {@code nbf}, {@code jti}, {@code sid}, {@code roles}, {@code rv},
 * {@code email_verified}, and the embedder's own). Instants are whole seconds, as JWT NumericDates are.
 *
 * @param roles {@code roles}: what the user could do when the token was issued
 * @param rolesVersion {@code rv}: the user's roles version then
 * @param custom the claims an embedder adds, in their order: strings, booleans, numbers, lists and maps of them
 * @param emailVerified {@code email_verified}: whether the user's address was verified when the token was issued
 */
public record AccessTokenClaims(
        String issuer,
        UserId subject,
        List<String> audience,
        Instant issuedAt,
        Instant expiresAt,
        Optional<Instant> notBefore,
        String tokenId,
        SessionId sessionId,
        List<String> roles,
        long rolesVersion,
        Map<String, Object> custom,
        boolean emailVerified) {

    public AccessTokenClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        audience = List.copyOf(audience);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(sessionId, "sessionId");
        roles = List.copyOf(roles);
        custom = custom.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(custom));
        if (tokenId == null || tokenId.isEmpty()) {
            throw new IllegalArgumentException("jti is required");
        }
        if (audience.isEmpty()) {
            throw new IllegalArgumentException("aud is required");
        }
    }

    /** Claims of a user whose address is not verified. */
    public AccessTokenClaims(String issuer, UserId subject, List<String> audience, Instant issuedAt, Instant expiresAt,
            Optional<Instant> notBefore, String tokenId, SessionId sessionId, List<String> roles, long rolesVersion,
            Map<String, Object> custom) {
        this(issuer, subject, audience, issuedAt, expiresAt, notBefore, tokenId, sessionId, roles, rolesVersion, custom, false);
    }

    /** @return whether the token says its user has {@code role} */
    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}

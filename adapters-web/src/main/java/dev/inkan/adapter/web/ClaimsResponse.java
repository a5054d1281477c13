package dev.inkan.adapter.web;

import dev.inkan.domain.AccessTokenClaims;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Response body of {@code GET /auth/verify}: the verified claims, as they appear in the token, in its order. */
final class ClaimsResponse {

    private ClaimsResponse() {
    }

    static Map<String, Object> from(AccessTokenClaims claims) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("iss", claims.issuer());
        body.put("sub", claims.subject().toString());
        body.put("aud", claims.audience().size() == 1 ? claims.audience().get(0) : claims.audience());
        body.put("iat", claims.issuedAt().getEpochSecond());
        body.put("exp", claims.expiresAt().getEpochSecond());
        claims.notBefore().map(Instant::getEpochSecond).ifPresent(nbf -> body.put("nbf", nbf));
        body.put("jti", claims.tokenId());
        body.put("sid", claims.sessionId().toString());
        body.put("rv", claims.rolesVersion());
        body.put("roles", claims.roles());
        body.put("email_verified", claims.emailVerified());
        body.putAll(claims.custom());
        return body;
    }
}

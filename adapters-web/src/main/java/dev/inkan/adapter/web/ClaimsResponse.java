package dev.inkan.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.inkan.domain.AccessTokenClaims;
import java.time.Instant;

/** Response body of {@code GET /auth/verify}: the verified claims, as they appear in the token. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ClaimsResponse(String iss, String sub, Object aud, long iat, long exp, Long nbf, String jti, String sid) {

    static ClaimsResponse from(AccessTokenClaims claims) {
        Object audience = claims.audience().size() == 1 ? claims.audience().get(0) : claims.audience();
        return new ClaimsResponse(claims.issuer(), claims.subject().toString(), audience,
                claims.issuedAt().getEpochSecond(), claims.expiresAt().getEpochSecond(),
                claims.notBefore().map(Instant::getEpochSecond).orElse(null),
                claims.tokenId(), claims.sessionId().toString());
    }
}

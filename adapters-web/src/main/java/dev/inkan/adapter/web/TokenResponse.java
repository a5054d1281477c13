package dev.inkan.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.inkan.application.port.in.IssuedTokens;
import java.util.Optional;

/**
 * Response body of login and refresh (RFC 6749 5.1 field names). With the cookie transport alone
 * the tokens stay out of the body, where a script could read them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn,
                     String csrfToken) {

    static TokenResponse from(IssuedTokens tokens, boolean withTokens, Optional<String> csrfToken) {
        return new TokenResponse(withTokens ? tokens.accessToken() : null, "Bearer", tokens.accessExpiresInSeconds(),
                withTokens ? tokens.refreshToken() : null, tokens.refreshExpiresIn().getSeconds(), csrfToken.orElse(null));
    }

    @Override
    public String toString() {
        return "TokenResponse[***]";
    }
}

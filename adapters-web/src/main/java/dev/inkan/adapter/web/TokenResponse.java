package dev.inkan.adapter.web;

import dev.inkan.application.port.in.IssuedTokens;

/** Response body of login and refresh (RFC 6749 5.1 field names). */
record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn) {

    static TokenResponse from(IssuedTokens tokens) {
        return new TokenResponse(tokens.accessToken(), "Bearer", tokens.accessExpiresInSeconds(),
                tokens.refreshToken(), tokens.refreshExpiresIn().getSeconds());
    }

    @Override
    public String toString() {
        return "TokenResponse[***]";
    }
}

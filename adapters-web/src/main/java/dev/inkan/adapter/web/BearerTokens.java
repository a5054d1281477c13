package dev.inkan.adapter.web;

import dev.inkan.domain.InvalidTokenException;
import io.javalin.http.Context;

/** Takes the access token out of an {@code Authorization: Bearer} header (RFC 6750 2.1). */
final class BearerTokens {

    private static final String SCHEME = "Bearer ";

    private BearerTokens() {
    }

    /** @throws InvalidTokenException ({@code MISSING}) when there is no bearer token */
    static String from(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MISSING);
        }
        return header.substring(SCHEME.length()).strip();
    }
}

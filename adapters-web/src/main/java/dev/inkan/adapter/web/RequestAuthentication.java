package dev.inkan.adapter.web;

import dev.inkan.application.port.in.VerifyAccessTokenUseCase;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.SessionId;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: the access token from an {@code Authorization: Bearer} header or, where the
 * transport allows cookies, from the access cookie. A cookie is sent by the browser on its own, so
 * an unsafe request authenticated by one must also prove it came from Inkan's page: the CSRF
 * header equal to the CSRF cookie, and an {@code Origin}, when sent, that is this server's own or
 * an allowed one. The proof names the session it was issued for, and the cookie's credential must
 * belong to that session.
 */
final class RequestAuthentication {

    private static final String BEARER = "Bearer ";
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);

    private final VerifyAccessTokenUseCase verifier;
    private final WebSettings settings;
    private final TokenCookies cookies;

    RequestAuthentication(VerifyAccessTokenUseCase verifier, WebSettings settings) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cookies = new TokenCookies(settings.gateway().cookieDomain());
    }

    /** @throws InvalidTokenException when no good token came; {@link ProblemException} 403 when the CSRF proof is missing */
    /**
     * @return the verified claims of a caller who holds {@code role}
     * @throws InvalidTokenException (401) without a good access token
     * @throws InsufficientRoleException (403) when its roles lack {@code role}
     */
    AccessTokenClaims claimsWithRole(Context ctx, String role) {
        AccessTokenClaims claims = claims(ctx);
        if (!claims.hasRole(role)) {
            throw new InsufficientRoleException();
        }
        return claims;
    }

    AccessTokenClaims claims(Context ctx) {
        Optional<String> bearer = bearer(ctx);
        if (bearer.isPresent()) {
            return verifier.verify(bearer.get());
        }
        Optional<String> cookie = accessCookie(ctx);
        if (cookie.isEmpty()) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MISSING);
        }
        Optional<SessionId> proven = requireCsrfProof(ctx);
        AccessTokenClaims claims = verifier.verify(cookie.get());
        if (proven.isPresent() && !proven.get().equals(claims.sessionId())) {
            throw forbidden("the CSRF proof belongs to another session than the access cookie");
        }
        return claims;
    }

    /** @return whether the request carries a credential ({@code Authorization}, or the access cookie where cookies are used) */
    boolean presentsCredentials(Context ctx) {
        return ctx.header("Authorization") != null
                || accessCookie(ctx).isPresent();
    }

    /**
     * The double-submit check, for every unsafe request that a cookie authenticates.
     *
     * @return the session the proof was issued for; empty for a safe request, which needs no proof
     */
    Optional<SessionId> requireCsrfProof(Context ctx) {
        if (SAFE.contains(ctx.method())) {
            return Optional.empty();
        }
        String origin = ctx.header("Origin");
        if (origin != null && !isOwnOrAllowed(origin, ctx.header("Host"))) {
            throw forbidden("the request comes from an origin that is not allowed");
        }
        String header = ctx.header(TokenCookies.CSRF_HEADER);
        Optional<String> cookie = TokenCookies.read(ctx, cookies.csrf());
        if (header == null || cookie.isEmpty() || !MessageDigest.isEqual(
                header.getBytes(StandardCharsets.UTF_8), cookie.get().getBytes(StandardCharsets.UTF_8))) {
            throw forbidden("a cookie-authenticated request needs the " + TokenCookies.CSRF_HEADER
                    + " header, equal to the " + cookies.csrf() + " cookie");
        }
        return Optional.of(TokenCookies.sessionOfCsrfToken(header)
                .orElseThrow(() -> forbidden("the CSRF token is not one Inkan issued; log in again")));
    }

    private boolean isOwnOrAllowed(String origin, String host) {
        return settings.corsOrigins().contains(origin) || isOfHost(origin, host);
    }

    /** @return whether {@code origin}'s host and port are {@code host} (a {@code Host} header's value) */
    static boolean isOfHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host != null && authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** @return the verified claims of {@code token}, or the refusal of the verifier */
    AccessTokenClaims verify(String token) {
        return verifier.verify(token);
    }

    /** @return the access cookie's value, where the transport uses cookies and the browser sent one */
    Optional<String> accessCookie(Context ctx) {
        return settings.transport().usesCookies() ? TokenCookies.read(ctx, cookies.access()) : Optional.empty();
    }

    /**
     * @return the bearer token, where the transport accepts them and the request has an {@code Authorization} header
     * @throws InvalidTokenException when that header is not {@code Bearer <token>}
     */
    Optional<String> bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !settings.transport().acceptsBearer()) {
            return Optional.empty();
        }
        return Optional.of(bearerToken(header));
    }

    /**
     * @param header an {@code Authorization} header's value, or null
     * @return the token of {@code Bearer <token>} (the scheme in any case)
     * @throws InvalidTokenException ({@code MISSING}) for anything else
     */
    static String bearerToken(String header) {
        if (header == null || header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MISSING);
        }
        return header.substring(BEARER.length()).strip();
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(403, "csrf", "Forbidden", detail);
    }
}

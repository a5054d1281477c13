package dev.inkan.adapter.web;

import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who called a route that {@link InkanJavalinPlugin} protects: the user, the session and the
 * verified claims. Host handlers read it with {@link #of(Context)}.
 */
public record InkanPrincipal(UserId userId, SessionId sessionId, AccessTokenClaims claims) {

    static final String ATTRIBUTE = "dev.inkan.principal";

    public InkanPrincipal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(claims, "claims");
    }

    /** @return the roles the access token carries */
    public List<String> roles() {
        return claims.roles();
    }

    /** @return whether the access token says the caller has {@code role} */
    public boolean hasRole(String role) {
        return claims.hasRole(role);
    }

    /** @return whether the user's address was verified when the access token was issued ({@code email_verified}) */
    public boolean emailVerified() {
        return claims.emailVerified();
    }

    /** @return the application's own claims in the access token, in their order */
    public Map<String, Object> customClaims() {
        return claims.custom();
    }

    static InkanPrincipal from(AccessTokenClaims claims) {
        return new InkanPrincipal(claims.subject(), claims.sessionId(), claims);
    }

    /**
     * @return the verified caller of a protected route
     * @throws InvalidTokenException (answered with 401) when the route was not protected or nobody was verified
     */
    public static InkanPrincipal of(Context ctx) {
        return find(ctx).orElseThrow(() -> new InvalidTokenException(InvalidTokenException.Reason.MISSING));
    }

    /** @return the verified caller, if the request went through Inkan's check */
    public static Optional<InkanPrincipal> find(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }
}

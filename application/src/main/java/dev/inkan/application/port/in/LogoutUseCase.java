package dev.inkan.application.port.in;

import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.Actor;
import dev.inkan.domain.RequestOrigin;

/** Use case: end the session an access token belongs to, and refuse that token from now on. */
public interface LogoutUseCase {

    /**
     * @param claims the verified claims of the caller's access token
     * @param origin where the request came from, for the security log
     */
    void logout(AccessTokenClaims claims, RequestOrigin origin);

    /** {@link #logout(AccessTokenClaims, RequestOrigin)} by the user, nothing known of where it came from. */
    default void logout(AccessTokenClaims claims) {
        logout(claims, RequestOrigin.of(Actor.user()));
    }
}

package dev.inkan.application.port.in;

import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.Actor;
import dev.inkan.domain.RequestOrigin;

/** Use case: end every session of the caller and refuse every access token issued to them so far. */
public interface LogoutEverywhereUseCase {

    /**
     * @param claims the verified claims of the caller's access token
     * @param origin where the request came from, for the security log
     */
    void logoutEverywhere(AccessTokenClaims claims, RequestOrigin origin);

    /** {@link #logoutEverywhere(AccessTokenClaims, RequestOrigin)} by the user, nothing known of where it came from. */
    default void logoutEverywhere(AccessTokenClaims claims) {
        logoutEverywhere(claims, RequestOrigin.of(Actor.user()));
    }
}

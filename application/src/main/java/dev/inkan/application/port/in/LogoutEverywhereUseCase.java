package dev.inkan.application.port.in;

import dev.inkan.domain.AccessTokenClaims;

/** Use case: end every session of the caller and refuse every access token issued to them so far. */
public interface LogoutEverywhereUseCase {

    /** @param claims the verified claims of the caller's access token */
    void logoutEverywhere(AccessTokenClaims claims);
}

package dev.inkan.application.port.in;

import dev.inkan.domain.AccessTokenClaims;

/** Use case: end the session an access token belongs to, and refuse that token from now on. */
public interface LogoutUseCase {

    /** @param claims the verified claims of the caller's access token */
    void logout(AccessTokenClaims claims);
}

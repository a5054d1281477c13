package dev.inkan.application.port.in;

import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidTokenException;

/** Use case: decide whether a compact access token is good, without touching any database. */
public interface VerifyAccessTokenUseCase {

    /**
     * @param compactToken the token as the client sent it ({@code header.payload.signature})
     * @return its verified claims
     * @throws InvalidTokenException with the reason of the first check that failed
     */
    AccessTokenClaims verify(String compactToken);
}

package dev.inkan.application.port.in;

import dev.inkan.domain.InvalidRefreshTokenException;

/** Use case: rotate a refresh token into a new access token and a new refresh token of the same session. */
public interface RefreshTokensUseCase {

    /**
     * @param command the refresh token presented
     * @return the session's next tokens; the presented refresh token is spent
     * @throws InvalidRefreshTokenException when the token is unknown, expired, revoked or reused (reuse ends the session)
     */
    IssuedTokens refresh(RefreshCommand command);
}

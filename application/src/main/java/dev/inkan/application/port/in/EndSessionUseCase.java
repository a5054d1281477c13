package dev.inkan.application.port.in;

import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.SessionNotFoundException;

/** Use case: end one of the caller's sessions, as "log out that device". */
public interface EndSessionUseCase {

    /**
     * Revokes the session's refresh tokens and refuses its access tokens from now on. Ending an
     * already ended session of the caller's changes nothing and is not an error.
     *
     * @param caller the verified claims of the caller's access token
     * @param session the session to end
     * @throws SessionNotFoundException when the caller has no such session
     */
    void endSession(AccessTokenClaims caller, SessionId session);
}

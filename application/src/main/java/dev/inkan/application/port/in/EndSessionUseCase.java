package dev.inkan.application.port.in;

import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.Actor;
import dev.inkan.domain.RequestOrigin;
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
     * @param origin where the request came from, for the security log
     * @throws SessionNotFoundException when the caller has no such session
     */
    void endSession(AccessTokenClaims caller, SessionId session, RequestOrigin origin);

    /** {@link #endSession(AccessTokenClaims, SessionId, RequestOrigin)} by the user, nothing known of where it came from. */
    default void endSession(AccessTokenClaims caller, SessionId session) {
        endSession(caller, session, RequestOrigin.of(Actor.user()));
    }
}

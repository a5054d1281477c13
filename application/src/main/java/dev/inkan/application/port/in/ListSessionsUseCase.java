package dev.inkan.application.port.in;

import dev.inkan.domain.AccessTokenClaims;
import java.util.List;

/** Use case: list the caller's live sessions (devices and browsers still logged in). */
public interface ListSessionsUseCase {

    /**
     * @param caller the verified claims of the caller's access token
     * @return the caller's live sessions, most recently used first
     */
    List<SessionSummary> sessionsOf(AccessTokenClaims caller);
}

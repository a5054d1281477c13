package dev.inkan.application.port.out;

import dev.inkan.domain.Session;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: the sessions people see in their session list. A session is live while its family
 * holds a refresh token that is neither used, revoked nor expired. Every method may throw
 * {@link StoreUnavailableException}.
 */
public interface SessionStore {

    /** Records a session that has just started. */
    void add(Session session);

    /** Records that the session was used (its refresh token rotated) at {@code instant}. */
    void touch(SessionId id, Instant instant);

    /** @return the session, live or not, if it was ever recorded */
    Optional<Session> find(SessionId id);

    /** @return the user's live sessions at {@code now}, most recently used first */
    List<Session> liveSessionsOf(UserId user, Instant now);
}

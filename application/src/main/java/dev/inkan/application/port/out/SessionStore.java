package dev.inkan.application.port.out;

import dev.inkan.domain.RefreshTokenHash;
import dev.inkan.domain.RefreshTokenRecord;
import dev.inkan.domain.Revocation;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.Session;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Driven port: login sessions and the refresh tokens each one rotates through, kept as hashes only.
 *
 * <p>A session is the unit that rotation and revocation agree on: a rotation succeeds only while
 * its session has not ended, and ending a session takes effect on every token the session has or
 * is about to get, so no refresh that races a logout outlives it. Implementations order the two
 * on the session (the JDBI store takes the session row's lock first in both).
 *
 * <p>Ending sessions revokes their access tokens too: {@link #end} and {@link #endAllOfUser} record
 * the {@link Revocation}s that refuse those tokens in the same transaction as the change, and hand
 * them to every subscriber of the {@link RevocationFeed} that shares this store, this instance's
 * subscribers before the call returns.
 *
 * <p>Each method that changes something takes the {@link SecurityEvent} that records the change,
 * and writes it in the same transaction, only when the call changes something; once committed, it
 * goes to the {@link SecurityEventLog}'s subscribers. A store of an application's own does the
 * same, wherever its security log keeps events. Every method may throw {@link StoreUnavailableException}.
 */
public interface SessionStore {

    /**
     * Records a session that has just started, with its first refresh token, together, unless its
     * user was disabled or deleted meanwhile: ordered with {@link UserRepository#disable} and
     * {@link UserRepository#delete} on the user, so that no session outlives either.
     *
     * @param loggedIn the event of the login, recorded with the session
     * @return whether the session started (and its event was recorded)
     */
    boolean start(Session session, RefreshTokenRecord first, SecurityEvent loggedIn);

    /** @return the stored refresh token with this hash, in whatever state it is */
    Optional<RefreshTokenRecord> findToken(RefreshTokenHash hash);

    /**
     * Atomically spends {@code presented} and stores {@code successor} (of the same session): only
     * while the session has not ended and the presented token is unused and unrevoked. Of any
     * number of concurrent calls for one token, at most one returns {@code true}; a rotation racing
     * {@link #end} either finishes before the session ends (and its successor is revoked with it) or
     * does not happen. The session's last use becomes {@code now} when the recorded one is older than
     * {@code now} by more than {@link Session#LAST_USE_PRECISION}; it never moves back.
     *
     * @return whether this call did the rotation
     */
    boolean rotate(RefreshTokenHash presented, RefreshTokenRecord successor, Instant now);

    /**
     * Ends one session: revokes every refresh token it has, and records and publishes the
     * revocation of its access tokens.
     *
     * @param event what ended it (a logout, reuse detected, the session ended from another), recorded
     *     only when this call ends the session
     * @return whether this call ended it (false when it had ended already or never existed)
     */
    boolean end(SessionId session, Instant now, RevokeReason reason, SecurityEvent event);

    /**
     * Ends every live session of one user, and refuses every access token issued to the user
     * before {@code now}: records and publishes those revocations.
     *
     * @param event what ended them (a logout everywhere), recorded with the change, which always
     *     happens (the cut-off of the user's access tokens is one, even without a live session),
     *     unless the user's account has been deleted
     * @return the sessions this call ended
     */
    List<SessionId> endAllOfUser(UserId user, Instant now, RevokeReason reason, SecurityEvent event);

    /** @return the session, live or not, if it was ever recorded */
    Optional<Session> find(SessionId id);

    /** @return the user's live sessions at {@code now} (not ended, holding an unexpired unspent token), most recently used first */
    List<Session> liveSessionsOf(UserId user, Instant now);
}

package dev.inkan.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A fact that makes access tokens bad before their expiry. Each one matters only until
 * {@link #relevantUntil()}: after that, every token it could refuse has expired anyway.
 */
public sealed interface Revocation {

    /** The instant after which this revocation can be forgotten. */
    Instant relevantUntil();

    /** One access token, by {@code jti}, refused until it expires. */
    record TokenRevoked(String tokenId, Instant expiresAt) implements Revocation {
        public TokenRevoked {
            Objects.requireNonNull(tokenId, "tokenId");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public Instant relevantUntil() {
            return expiresAt;
        }
    }

    /** Every access token of one session ({@code sid}) refused, until the last one could have expired. */
    record SessionRevoked(SessionId sessionId, Instant until) implements Revocation {
        public SessionRevoked {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(until, "until");
        }

        @Override
        public Instant relevantUntil() {
            return until;
        }
    }

    /** Every access token of one user issued before {@code validAfter} refused. */
    record UserTokensRevoked(UserId userId, Instant validAfter, Instant until) implements Revocation {
        public UserTokensRevoked {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(validAfter, "validAfter");
            Objects.requireNonNull(until, "until");
        }

        @Override
        public Instant relevantUntil() {
            return until;
        }
    }

    /**
     * Every access token of one user that carries a roles version below {@code rolesVersion}
     * refused: a role was taken away, and such a token may still hold it.
     */
    record RolesRevoked(UserId userId, long rolesVersion, Instant until) implements Revocation {
        public RolesRevoked {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(until, "until");
        }

        @Override
        public Instant relevantUntil() {
            return until;
        }
    }

    /**
     * Every access token signed with one key refused: the key was retired before its time (an
     * emergency), so it leaves the key ring of every instance and the JWKS at once.
     *
     * @param until when the last token the key signed expires
     */
    record KeyRetired(String keyId, Instant until) implements Revocation {
        public KeyRetired {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(until, "until");
        }

        @Override
        public Instant relevantUntil() {
            return until;
        }
    }

    /** Every access token of one user refused, whenever it was issued: the account was deleted. */
    record UserDeleted(UserId userId, Instant until) implements Revocation {
        public UserDeleted {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(until, "until");
        }

        @Override
        public Instant relevantUntil() {
            return until;
        }
    }
}

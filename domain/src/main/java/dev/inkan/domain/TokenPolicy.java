package dev.inkan.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Domain rules for tokens: who issues them, for whom, for how long, and how much clock skew a check
 * forgives. A session's refresh tokens slide forward with every refresh ({@code refreshTtl}), but
 * never past the session's absolute lifetime ({@code sessionMaxLifetime}) from its login.
 */
public record TokenPolicy(String issuer, String audience, Duration accessTtl, Duration refreshTtl, Duration leeway,
                          Duration sessionMaxLifetime) {

    public static final Duration DEFAULT_ACCESS_TTL = Duration.ofMinutes(15);
    public static final Duration DEFAULT_REFRESH_TTL = Duration.ofDays(7);
    public static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(30);
    public static final Duration DEFAULT_SESSION_MAX_LIFETIME = Duration.ofDays(30);

    public TokenPolicy {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("issuer must not be blank");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("audience must not be blank");
        }
        requireWholeSeconds("access lifetime", accessTtl, Duration.ofSeconds(1));
        requireWholeSeconds("refresh lifetime", refreshTtl, Duration.ofSeconds(1));
        requireWholeSeconds("leeway", leeway, Duration.ZERO);
        if (leeway.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("leeway must be at most PT5M");
        }
        requireWholeSeconds("session lifetime", sessionMaxLifetime, Duration.ofSeconds(1));
    }

    /** The same policy with the default absolute session lifetime of 30 days. */
    public TokenPolicy(String issuer, String audience, Duration accessTtl, Duration refreshTtl, Duration leeway) {
        this(issuer, audience, accessTtl, refreshTtl, leeway, DEFAULT_SESSION_MAX_LIFETIME);
    }

    /** @return when a session that started at {@code sessionStartedAt} ends, however often it refreshes */
    public Instant sessionEndsAt(Instant sessionStartedAt) {
        return sessionStartedAt.plus(sessionMaxLifetime);
    }

    /** @return the expiry of a refresh token issued at {@code now}: the sliding lifetime, cut at the session's end */
    public Instant refreshExpiry(Instant now, Instant sessionStartedAt) {
        Instant sliding = now.plus(refreshTtl);
        Instant end = sessionEndsAt(sessionStartedAt);
        return sliding.isBefore(end) ? sliding : end;
    }

    private static void requireWholeSeconds(String what, Duration duration, Duration minimum) {
        Objects.requireNonNull(duration, what);
        if (duration.compareTo(minimum) < 0 || duration.getNano() != 0) {
            throw new IllegalArgumentException(what + " must be whole seconds, at least " + minimum.getSeconds() + "s");
        }
    }

    /** Claims for a fresh access token of {@code session}, issued at {@code now} (truncated to seconds). */
    public AccessTokenClaims newAccessClaims(UserId subject, SessionId session, String tokenId, Instant now) {
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        return new AccessTokenClaims(issuer, subject, List.of(audience), issuedAt, issuedAt.plus(accessTtl),
                Optional.empty(), tokenId, session);
    }

    /**
     * Checks the time window, issuer and audience of claims whose signature has already been verified.
     *
     * @throws InvalidTokenException naming the first rule the claims break
     */
    public void check(AccessTokenClaims claims, Instant now) {
        // RFC 7519 4.1.4: the token is good only while now is before exp; the leeway forgives clock skew.
        if (!now.isBefore(claims.expiresAt().plus(leeway))) {
            throw new InvalidTokenException(InvalidTokenException.Reason.EXPIRED);
        }
        if (claims.notBefore().isPresent() && now.plus(leeway).isBefore(claims.notBefore().get())) {
            throw new InvalidTokenException(InvalidTokenException.Reason.NOT_YET_VALID);
        }
        if (claims.issuedAt().isAfter(now.plus(leeway))) {
            throw new InvalidTokenException(InvalidTokenException.Reason.ISSUED_IN_FUTURE);
        }
        if (!claims.issuer().equals(issuer)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.WRONG_ISSUER);
        }
        if (!claims.audience().contains(audience)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.WRONG_AUDIENCE);
        }
    }
}

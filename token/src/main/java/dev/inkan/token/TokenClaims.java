package dev.inkan.token;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Value object: the claims of an access token ({@code iss}, {@code sub}, {@code aud}, {@code iat},
 * {@code exp}, optional {@code nbf}, {@code jti}, {@code sid}). Instants are JWT NumericDates: whole
 * seconds from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z, the range the reader accepts, so every
 * claims value a token can carry reads back equal.
 *
 * @param issuer {@code iss}
 * @param subject {@code sub}, the user, a UUID
 * @param audience {@code aud}, at least one
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 * @param notBefore {@code nbf}, when the token has one
 * @param tokenId {@code jti}, not empty
 * @param sessionId {@code sid}, the login session, a UUID
 */
public record TokenClaims(
        String issuer,
        UUID subject,
        List<String> audience,
        Instant issuedAt,
        Instant expiresAt,
        Optional<Instant> notBefore,
        String tokenId,
        UUID sessionId) {

    /** 9999-12-31T23:59:59Z: the last NumericDate the format writes and reads. */
    static final long LAST_NUMERIC_DATE = 253_402_300_799L;

    /**
     * @throws IllegalArgumentException when {@code jti} or {@code aud} is empty, or an instant is not a
     *     NumericDate (whole seconds, from 1970 to 9999)
     */
    public TokenClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        audience = List.copyOf(audience);
        requireNumericDate("iat", issuedAt);
        requireNumericDate("exp", expiresAt);
        Objects.requireNonNull(notBefore, "notBefore");
        notBefore.ifPresent(nbf -> requireNumericDate("nbf", nbf));
        Objects.requireNonNull(sessionId, "sessionId");
        if (tokenId == null || tokenId.isEmpty()) {
            throw new IllegalArgumentException("jti is required");
        }
        if (audience.isEmpty()) {
            throw new IllegalArgumentException("aud is required");
        }
    }

    private static void requireNumericDate(String claim, Instant instant) {
        Objects.requireNonNull(instant, claim);
        if (instant.getNano() != 0 || instant.getEpochSecond() < 0 || instant.getEpochSecond() > LAST_NUMERIC_DATE) {
            throw new IllegalArgumentException(claim + " must be whole seconds from 1970 to 9999, not " + instant);
        }
    }
}

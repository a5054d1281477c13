package dev.inkan.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a verifier requires of a token's claims, checked once here: the one issuer, the one audience
 * it must find in {@code aud}, and the clock skew it forgives on {@code exp}, {@code nbf} and
 * {@code iat}.
 *
 * @param issuer the {@code iss} every token must carry
 * @param audience the value {@code aud} must hold (alone or among others)
 * @param leeway whole seconds, from zero to {@link #MAX_LEEWAY}
 */
public record TokenRules(String issuer, String audience, Duration leeway) {

    /** The most clock skew a verifier may forgive. */
    public static final Duration MAX_LEEWAY = Duration.ofMinutes(5);

    /** @throws IllegalArgumentException when the issuer or audience is blank or the leeway out of range */
    public TokenRules {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("issuer must not be blank");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("audience must not be blank");
        }
        Objects.requireNonNull(leeway, "leeway");
        if (leeway.isNegative() || leeway.getNano() != 0 || leeway.compareTo(MAX_LEEWAY) > 0) {
            throw new IllegalArgumentException("leeway must be whole seconds from 0 to " + MAX_LEEWAY + ", not " + leeway);
        }
    }

    /**
     * Checks the time window, issuer and audience of claims whose signature is good. The claims are
     * whole seconds, so comparing {@code now}'s whole seconds gives the same answers as comparing
     * instants: expired when {@code now >= exp + leeway}, not yet valid when {@code now + leeway < nbf},
     * issued in the future when {@code iat > now + leeway}.
     *
     * @throws TokenException naming the first rule the claims break
     */
    void check(TokenClaims claims, Instant now) {
        long second = now.getEpochSecond();
        long skew = leeway.getSeconds();
        if (second >= claims.expiresAt().getEpochSecond() + skew) {
            throw new TokenException(TokenException.Reason.EXPIRED);
        }
        if (claims.notBefore().isPresent() && second + skew < claims.notBefore().get().getEpochSecond()) {
            throw new TokenException(TokenException.Reason.NOT_YET_VALID);
        }
        if (claims.issuedAt().getEpochSecond() > second + skew) {
            throw new TokenException(TokenException.Reason.ISSUED_IN_FUTURE);
        }
        if (!claims.issuer().equals(issuer)) {
            throw new TokenException(TokenException.Reason.WRONG_ISSUER);
        }
        if (!claims.audience().contains(audience)) {
            throw new TokenException(TokenException.Reason.WRONG_AUDIENCE);
        }
    }
}

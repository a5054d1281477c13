package dev.inkan.token;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Value object: the claims of an access token ({@code iss}, {@code sub}, {@code aud}, {@code iat},
 * {@code exp}, optional {@code nbf}, {@code jti}, {@code sid}, {@code rv}, {@code email_verified},
 * {@code roles}) and its
 * custom claims. Every value is one that the format writes and reads back equal: instants are JWT
 * NumericDates, whole seconds from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z; roles and custom
 * claims are checked and copied here, in the form the reader gives them.
 *
 * @param issuer {@code iss}
 * @param subject {@code sub}, the user, a UUID
 * @param audience {@code aud}, at least one
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 * @param notBefore {@code nbf}, when the token has one
 * @param tokenId {@code jti}, not empty
 * @param sessionId {@code sid}, the login session, a UUID
 * @param roles {@code roles}, the user's roles: at most {@link #MAX_ROLES}, none empty, none twice;
 *     a token without them has none
 * @param rolesVersion {@code rv}, the version of the user's roles, from 0 to {@link #MAX_ROLES_VERSION};
 *     a token without it has 0
 * @param custom every other claim, in order: {@code String}, {@code Boolean}, {@code Long} (a JSON
 *     integer that fits one; {@code Integer}, {@code Short}, {@code Byte} and a {@code BigDecimal} of
 *     scale 0 in a long's range become one), {@code BigDecimal} (any other number), {@code List<Object>}
 *     (an array) and {@code Map<String, Object>} (an object, in order), nested at most 64 levels deep;
 *     inside arrays and objects {@code null} is JSON {@code null}, and a claim whose value is JSON
 *     {@code null} is left out. Names must not be {@link #RESERVED_NAMES}.
 * @param emailVerified {@code email_verified}, whether the user's e-mail address was verified when the
 *     token was issued; a token without it says not
 */
public record TokenClaims(
        String issuer,
        UUID subject,
        List<String> audience,
        Instant issuedAt,
        Instant expiresAt,
        Optional<Instant> notBefore,
        String tokenId,
        UUID sessionId,
        List<String> roles,
        long rolesVersion,
        Map<String, Object> custom,
        boolean emailVerified) {

    /**
     * The claim names that are not custom claims: the registered claims of RFC 7519 4.1 and Inkan's
     * own, in that order.
     */
    public static final Set<String> RESERVED_NAMES = Collections.unmodifiableSet(new LinkedHashSet<>(
            List.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "sid", "roles", "rv", "email_verified")));

    /** The most roles a token carries. */
    public static final int MAX_ROLES = 64;

    /** 2^53 - 1, the largest integer every JSON reader keeps exact: the largest {@code rv}. */
    public static final long MAX_ROLES_VERSION = (1L << 53) - 1;

    /** 9999-12-31T23:59:59Z: the last NumericDate the format writes and reads. */
    static final long LAST_NUMERIC_DATE = 253_402_300_799L;

    /**
     * @throws IllegalArgumentException when {@code jti} or {@code aud} is empty, an instant is not a
     *     NumericDate (whole seconds, from 1970 to 9999), the roles are not as described above,
     *     {@code rv} is out of range, or a custom claim has a reserved or null name, a null value, or a
     *     value that JSON cannot carry exactly (the message names the claim)
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
        Objects.requireNonNull(roles, "roles");
        rolesProblem(roles).ifPresent(problem -> {
            throw new IllegalArgumentException("roles: " + problem);
        });
        roles = List.copyOf(roles);
        if (rolesVersion < 0 || rolesVersion > MAX_ROLES_VERSION) {
            throw new IllegalArgumentException("rv must be from 0 to " + MAX_ROLES_VERSION + ", not " + rolesVersion);
        }
        custom = JsonValues.copyClaims(Objects.requireNonNull(custom, "custom"));
    }

    /** Claims of a user whose e-mail address is not verified, as tokens had them before {@code email_verified}. */
    public TokenClaims(String issuer, UUID subject, List<String> audience, Instant issuedAt, Instant expiresAt,
            Optional<Instant> notBefore, String tokenId, UUID sessionId, List<String> roles, long rolesVersion,
            Map<String, Object> custom) {
        this(issuer, subject, audience, issuedAt, expiresAt, notBefore, tokenId, sessionId, roles, rolesVersion, custom, false);
    }

    /** Claims without roles, with roles version 0 and no custom claims, as tokens had them before roles. */
    public TokenClaims(String issuer, UUID subject, List<String> audience, Instant issuedAt, Instant expiresAt,
            Optional<Instant> notBefore, String tokenId, UUID sessionId) {
        this(issuer, subject, audience, issuedAt, expiresAt, notBefore, tokenId, sessionId, List.of(), 0, Map.of(), false);
    }

    /**
     * What the reader refuses in {@code roles} and the constructor too. With at most 64 roles, comparing
     * each with those before it costs less than a set.
     *
     * @return what is wrong with the roles, or empty when nothing is
     */
    static Optional<String> rolesProblem(List<String> roles) {
        if (roles.size() > MAX_ROLES) {
            return Optional.of("at most " + MAX_ROLES + ", not " + roles.size());
        }
        for (int i = 0; i < roles.size(); i++) {
            String role = roles.get(i);
            if (role == null || role.isEmpty()) {
                return Optional.of("role " + i + " is " + (role == null ? "null" : "empty"));
            }
            for (int j = 0; j < i; j++) {
                if (role.equals(roles.get(j))) {
                    return Optional.of("'" + role + "' appears twice");
                }
            }
        }
        return Optional.empty();
    }

    private static void requireNumericDate(String claim, Instant instant) {
        Objects.requireNonNull(instant, claim);
        if (instant.getNano() != 0 || instant.getEpochSecond() < 0 || instant.getEpochSecond() > LAST_NUMERIC_DATE) {
            throw new IllegalArgumentException(claim + " must be whole seconds from 1970 to 9999, not " + instant);
        }
    }
}

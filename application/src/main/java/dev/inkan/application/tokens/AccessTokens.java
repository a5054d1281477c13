package dev.inkan.application.tokens;

import dev.inkan.application.port.out.KeyRing;
import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.application.port.out.SignatureAlgorithm;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.InvalidTokenException.Reason;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import dev.inkan.token.JwsKey;
import dev.inkan.token.PublicJwk;
import dev.inkan.token.SignatureVerifier;
import dev.inkan.token.Signer;
import dev.inkan.token.SigningKey;
import dev.inkan.token.TokenClaims;
import dev.inkan.token.TokenException;
import dev.inkan.token.TokenFormat;
import dev.inkan.token.TokenRules;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Inkan's access tokens in the token format: the claims of a session's next token, signed with the
 * ring's first key, and a presented token verified back into the domain's terms. Each key of the ring
 * is used only with its own algorithm: an HMAC key through the MAC port, a key pair through the
 * signature port. When the ring changes, the next token is signed, and every token verified, with its
 * new keys, without a restart.
 */
public final class AccessTokens {

    /** What the HMAC-only constructor signs with: nothing, for a ring that must hold no pair. */
    private static final SignatureAlgorithm NO_SIGNATURES = new SignatureAlgorithm() {
        @Override
        public Signer signer(SigningKey key) {
            throw new IllegalArgumentException("key '" + key.keyId() + "' is for " + key.algorithm().jwsName()
                    + ", and these access tokens have no signature algorithm, only a MAC");
        }

        @Override
        public SignatureVerifier verifier(PublicJwk key) {
            throw new IllegalArgumentException("key '" + key.keyId() + "': no signature algorithm");
        }
    };

    private final KeyRing keys;
    private final MacAlgorithm mac;
    private final SignatureAlgorithm signatures;
    private final TokenRules rules;
    private final Duration lifetime;
    /** The format of the ring's keys as they are now: replaced whole when the ring changes, so a verify reads it once. */
    private volatile TokenFormat format;

    /**
     * Access tokens under a ring of HMAC keys only.
     *
     * @param lifetime how long an access token lives
     * @throws IllegalArgumentException when the ring has no key, two keys share an id, or a key is a pair
     */
    public AccessTokens(KeyRing keys, MacAlgorithm mac, TokenRules rules, Duration lifetime) {
        this(keys, mac, NO_SIGNATURES, rules, lifetime);
    }

    /**
     * @param lifetime how long an access token lives
     * @throws IllegalArgumentException when the ring has no key, two keys share an id, or a pair's
     *     private key does not belong to its public key (naming the key)
     */
    public AccessTokens(KeyRing keys, MacAlgorithm mac, SignatureAlgorithm signatures, TokenRules rules, Duration lifetime) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.mac = Objects.requireNonNull(mac, "mac");
        this.signatures = Objects.requireNonNull(signatures, "signatures");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        this.format = formatOf(keys.keys());
        // Last, once every field is set: from here on a change of the ring signs and verifies with its new keys.
        keys.onChange(this::keysChanged);
    }

    /**
     * Makes the format of the ring's keys as they are now, and signs and verifies with it from then on.
     *
     * @throws IllegalArgumentException when the token format refuses the new keys; the old ones stay in use
     */
    private synchronized void keysChanged() {
        format = formatOf(keys.keys());
    }

    private TokenFormat formatOf(List<SigningKey> ring) {
        return new TokenFormat(ring.stream().map(key -> jwsKey(key, mac, signatures)).toList(), rules);
    }

    private static JwsKey jwsKey(SigningKey key, MacAlgorithm mac, SignatureAlgorithm signatures) {
        if (key.algorithm().isHmac()) {
            return JwsKey.hmac(key.keyId(), key.algorithm(), mac.keyed(key));
        }
        return JwsKey.signature(key.keyId(), key.algorithm(), signatures.signer(key),
                signatures.verifier(key.publicKey().orElseThrow()));
    }

    /**
     * @param custom the embedder's claims
     * @return the claims of a fresh access token of {@code user}'s {@code session}, with the user's
     *     roles and roles version and whether their address is verified, issued at {@code now} (whole seconds)
     */
    public AccessTokenClaims claimsFor(User user, SessionId session, String tokenId, Map<String, Object> custom, Instant now) {
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        return new AccessTokenClaims(rules.issuer(), user.id(), List.of(rules.audience()), issuedAt, issuedAt.plus(lifetime),
                Optional.empty(), tokenId, session, user.roleNames(), user.rolesVersion(), custom, user.emailVerified());
    }

    /** @return whether the signing key (as the ring holds it now) is a key pair, whose public half may be handed to anyone */
    public boolean signsWithKeyPair() {
        return !keys.keys().get(0).algorithm().isHmac();
    }

    /**
     * @return the compact JWS of {@code claims}
     * @throws IllegalArgumentException when a custom claim has a reserved name or a value the format
     *     cannot write, or the token would be over the size limit
     */
    public String sign(AccessTokenClaims claims) {
        return format.sign(new TokenClaims(claims.issuer(), claims.subject().value(), claims.audience(), claims.issuedAt(),
                claims.expiresAt(), claims.notBefore(), claims.tokenId(), claims.sessionId().value(),
                claims.roles(), claims.rolesVersion(), claims.custom(), claims.emailVerified()));
    }

    /**
     * Checks everything a token shows by itself: its form, its signature, its claims and the rules.
     * Revocation is the caller's to check.
     *
     * @throws InvalidTokenException with the reason of the first check that failed
     */
    public AccessTokenClaims verify(String token, Instant now) {
        TokenClaims claims;
        try {
            claims = format.verify(token, now);
        } catch (TokenException e) {
            throw new InvalidTokenException(reasonOf(e.reason()));
        }
        return new AccessTokenClaims(claims.issuer(), new UserId(claims.subject()), claims.audience(), claims.issuedAt(),
                claims.expiresAt(), claims.notBefore(), claims.tokenId(), new SessionId(claims.sessionId()),
                claims.roles(), claims.rolesVersion(), claims.custom(), claims.emailVerified());
    }

    private static Reason reasonOf(TokenException.Reason reason) {
        return switch (reason) {
            case MISSING -> Reason.MISSING;
            case OVERSIZED -> Reason.OVERSIZED;
            case MALFORMED -> Reason.MALFORMED;
            case MALFORMED_HEADER -> Reason.MALFORMED_HEADER;
            case UNSUPPORTED_ALGORITHM -> Reason.UNSUPPORTED_ALGORITHM;
            case CRITICAL_HEADER -> Reason.CRITICAL_HEADER;
            case UNTRUSTED_HEADER -> Reason.UNTRUSTED_HEADER;
            case UNKNOWN_KEY -> Reason.UNKNOWN_KEY;
            case BAD_SIGNATURE -> Reason.BAD_SIGNATURE;
            case MALFORMED_CLAIMS -> Reason.MALFORMED_CLAIMS;
            case EXPIRED -> Reason.EXPIRED;
            case NOT_YET_VALID -> Reason.NOT_YET_VALID;
            case ISSUED_IN_FUTURE -> Reason.ISSUED_IN_FUTURE;
            case WRONG_ISSUER -> Reason.WRONG_ISSUER;
            case WRONG_AUDIENCE -> Reason.WRONG_AUDIENCE;
        };
    }
}

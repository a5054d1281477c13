package dev.inkan.token;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The token format, the one entry point: signs claims as a compact JWS (RFC 7515) with the first of
 * its keys, and verifies tokens strictly with any of them, checking the claims against its
 * {@link TokenRules}. Thread-safe; everything it can prepare (the header each key writes, the issuer
 * and audience the rules expect, as bytes) is prepared in the constructor, and all that changes is
 * what it keeps of the tokens it verified ({@link KnownPayloads}) to verify them faster next time.
 */
public final class TokenFormat {

    private final JoseHeaders headers;
    private final ClaimsReader claims;
    private final TokenRules rules;
    private final KnownPayloads knownPayloads = new KnownPayloads();

    /**
     * @param keys the keys: the first signs, every one verifies
     * @param rules what a token's claims must meet
     * @throws IllegalArgumentException when there is no key, two share a key id, or a key id, the
     *     issuer or the audience holds text that UTF-8 cannot carry
     */
    public TokenFormat(List<JwsKey> keys, TokenRules rules) {
        this.headers = new JoseHeaders(List.copyOf(Objects.requireNonNull(keys, "keys")));
        this.rules = Objects.requireNonNull(rules, "rules");
        this.claims = new ClaimsReader(rules);
    }

    /**
     * @return the compact JWS of {@code claims}: the header {@code {"alg":…,"typ":"JWT","kid":…}} of
     *     the first key, the claims in Inkan's layout with the custom claims last, and that key's signature
     * @throws IllegalArgumentException when a claim holds text that UTF-8 cannot carry (an unpaired
     *     surrogate), or the token would be longer than {@link #verify} accepts (8 KiB), which only
     *     many or long roles or custom claims make it
     * @throws UnsupportedOperationException when the first key is a {@linkplain JwsKey#verifying public
     *     key}, which cannot sign
     */
    public String sign(TokenClaims claims) {
        Objects.requireNonNull(claims, "claims");
        byte[] payload = ClaimsWriter.write(claims);
        int length = CompactJws.length(headers.signingHeader(), payload.length, headers.signingKey());
        if (length > CompactJws.MAX_LENGTH) {
            throw new IllegalArgumentException("the access token would be " + length + " bytes, over the " + CompactJws.MAX_LENGTH
                    + "-byte limit: fewer or shorter roles or custom claims");
        }
        return CompactJws.sign(headers.signingHeader(), payload, headers.signingKey());
    }

    /**
     * Verifies a token, in this order: its form (present, at most 8 KiB, three canonical base64url
     * segments), its header (the key it names, before any MAC or signature is computed), its MAC in
     * constant time or its signature (of the one length of its algorithm), its claims (strict JSON,
     * every registered and own claim of its type, custom claims as
     * {@link TokenClaims} holds them; the claims of a token this format has verified twice are
     * kept, and not read again), and then the rules: the time window with the leeway, the issuer, the audience.
     *
     * @param token a compact JWS, as a bearer presents it
     * @param now the time to check {@code exp}, {@code nbf} and {@code iat} against
     * @return the claims of a token that passed every check
     * @throws TokenException with the reason of the first check that failed
     */
    public TokenClaims verify(String token, Instant now) {
        Objects.requireNonNull(now, "now");
        CompactJws jws = CompactJws.split(token);
        byte[] signature = jws.signature();
        // A payload met before decoded and read well, so it is not decoded again; one met for the
        // first time is, before anything else, as a malformed one is refused before its signature is checked.
        TokenClaims known = knownPayloads.find(jws, signature);
        byte[] payload = known == null ? jws.payload() : null;
        JwsKey key = headers.keyFor(jws);
        if (!jws.isSignedBy(key, signature)) {
            throw new TokenException(TokenException.Reason.BAD_SIGNATURE);
        }
        TokenClaims verified = known;
        if (verified == null) {
            verified = claims.read(payload);
            knownPayloads.remember(jws, signature, verified);
        }
        rules.check(verified, now);
        return verified;
    }
}

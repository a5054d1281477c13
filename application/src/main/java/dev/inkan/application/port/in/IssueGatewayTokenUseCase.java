package dev.inkan.application.port.in;

import dev.inkan.domain.AccessTokenClaims;
import java.time.Duration;
import java.util.Optional;

/**
 * Use case: a short-lived token that a gateway hands to the upstream service behind it, minted from
 * the caller's verified access token for that upstream alone. It is signed like every access token,
 * so any JOSE library verifies it with the JWKS; it carries the caller's session id, so a revocation
 * feed refuses it after a logout. Only a key pair signs one: with HMAC the upstream would need the
 * key that mints every token.
 */
public interface IssueGatewayTokenUseCase {

    /** The longest a gateway token may live: it is minted afresh for every request through the gateway. */
    Duration MAX_LIFETIME = Duration.ofSeconds(60);

    /** Mints nothing: for a server that signs with HMAC, or an embedder without gateway tokens. */
    IssueGatewayTokenUseCase NONE = (caller, audience, lifetime) -> Optional.empty();

    /**
     * @param caller the verified claims of the access token the request came with
     * @param audience the upstream's {@code aud}: its own, never the audience of Inkan's access tokens
     * @param lifetime at most {@link #MAX_LIFETIME}; the token never outlives {@code caller}'s
     * @return the compact token, or empty when the signing key is an HMAC key
     * @throws IllegalArgumentException when the lifetime is not positive or longer than {@link #MAX_LIFETIME},
     *     or {@code audience} is the audience of Inkan's own access tokens
     */
    Optional<String> issue(AccessTokenClaims caller, String audience, Duration lifetime);
}

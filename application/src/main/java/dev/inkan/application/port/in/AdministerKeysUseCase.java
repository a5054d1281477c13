package dev.inkan.application.port.in;

import dev.inkan.domain.KeyNotFoundException;
import dev.inkan.token.JwsAlgorithm;
import java.util.List;
import java.util.Optional;

/**
 * Use case: what an operator does to the signing keys kept in the database ({@code keys rotate},
 * {@code keys list}, {@code keys retire}). Every instance on the database follows each change within a
 * second, without a restart.
 */
public interface AdministerKeysUseCase {

    /**
     * Makes a new key and publishes it at once; it signs once the publish delay has passed (after any
     * key published before it), and the key that signs until then keeps verifying until the longest
     * token it can sign has expired, and then retires.
     *
     * @param algorithm the new key's; empty for the configured algorithm
     * @throws IllegalArgumentException when a key of {@code algorithm} cannot serve here (a key pair
     *     needs an issuer that is a URL, where resource servers find its public key)
     */
    KeyRotation rotate(Optional<JwsAlgorithm> algorithm);

    /** @return every key, retired ones too, in the order they were made, each with its state now */
    List<KeySummary> list();

    /**
     * Retires a key at once (an emergency): it leaves every instance's key ring and the JWKS, so its
     * tokens are refused, and its revocation is recorded for resource servers. Retiring the signing
     * key hands signing at once to the key published to sign next, or, when there is none, to a new
     * key of the configured algorithm: there is always a key that signs.
     *
     * @throws KeyNotFoundException when no key has that id
     * @throws IllegalStateException when that key is retired already
     */
    KeyRetirement retire(String keyId);
}

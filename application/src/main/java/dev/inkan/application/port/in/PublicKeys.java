package dev.inkan.application.port.in;

import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.PublicJwk;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What Inkan publishes for verifiers: the issuer its tokens carry, exactly as configured, and the
 * public keys that verify them (none when every key is an HMAC secret, which is never published).
 *
 * @param keys the public keys, the signing key's first
 * @param cacheLifetime how long a client may keep them before it fetches them again: no longer than a
 *     new key is published before it signs, so that every cache holds it by then
 */
public record PublicKeys(String issuer, List<PublicJwk> keys, Duration cacheLifetime) {

    public PublicKeys {
        Objects.requireNonNull(issuer, "issuer");
        keys = List.copyOf(keys);
        if (cacheLifetime.isNegative()) {
            throw new IllegalArgumentException("a cache lifetime cannot be negative");
        }
    }

    /** The keys, cacheable for {@link GetPublicKeysUseCase#CACHE_LIFETIME}. */
    public PublicKeys(String issuer, List<PublicJwk> keys) {
        this(issuer, keys, GetPublicKeysUseCase.CACHE_LIFETIME);
    }

    /** @return the algorithms of the keys, each once, in the order of the keys */
    public List<JwsAlgorithm> algorithms() {
        return keys.stream().map(PublicJwk::algorithm).distinct().toList();
    }
}

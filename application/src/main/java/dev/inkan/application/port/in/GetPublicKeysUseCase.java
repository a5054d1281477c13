package dev.inkan.application.port.in;

import java.time.Duration;

/** Use case: what resource servers need to verify Inkan's tokens without its secrets: the issuer and the public keys. */
public interface GetPublicKeysUseCase {

    /**
     * How long a client may keep the keys before it fetches them again, at most: shorter when new keys
     * are published for less long before they sign ({@link PublicKeys#cacheLifetime()}), so that
     * every cache has a new key by then.
     */
    Duration CACHE_LIFETIME = Duration.ofMinutes(5);

    /** @return the issuer and the public half of every key pair in the key ring, the signing key first */
    PublicKeys publicKeys();
}

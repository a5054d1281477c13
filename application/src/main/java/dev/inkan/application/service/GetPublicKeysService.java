package dev.inkan.application.service;

import dev.inkan.application.port.in.GetPublicKeysUseCase;
import dev.inkan.application.port.in.PublicKeys;
import dev.inkan.application.port.out.KeyRing;
import dev.inkan.token.SigningKey;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Reads the public keys off the key ring each time, so a ring that changes is published as it is. */
public final class GetPublicKeysService implements GetPublicKeysUseCase {

    private final KeyRing keys;
    private final String issuer;
    private final Duration cacheLifetime;

    /** @param issuer the {@code iss} of every token, as configured; the keys are cacheable for {@link #CACHE_LIFETIME} */
    public GetPublicKeysService(KeyRing keys, String issuer) {
        this(keys, issuer, CACHE_LIFETIME);
    }

    /**
     * @param issuer the {@code iss} of every token, as configured
     * @param publishDelay how long a new key is published before it signs: the keys are cacheable for
     *     no longer than that, nor than {@link #CACHE_LIFETIME}
     */
    public GetPublicKeysService(KeyRing keys, String issuer, Duration publishDelay) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.cacheLifetime = publishDelay.compareTo(CACHE_LIFETIME) < 0 ? publishDelay : CACHE_LIFETIME;
    }

    @Override
    public PublicKeys publicKeys() {
        return new PublicKeys(issuer, keys.keys().stream().map(SigningKey::publicKey).flatMap(Optional::stream).toList(),
                cacheLifetime);
    }
}

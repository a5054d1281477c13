package dev.inkan.application.service;

import dev.inkan.application.port.in.GetPublicKeysUseCase;
import dev.inkan.application.port.in.PublicKeys;
import dev.inkan.application.port.out.KeyRing;
import dev.inkan.token.SigningKey;
import java.util.Objects;
import java.util.Optional;

/** Reads the public keys off the key ring each time, so a ring that changes is published as it is. */
public final class GetPublicKeysService implements GetPublicKeysUseCase {

    private final KeyRing keys;
    private final String issuer;

    /** @param issuer the {@code iss} of every token, as configured */
    public GetPublicKeysService(KeyRing keys, String issuer) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    @Override
    public PublicKeys publicKeys() {
        return new PublicKeys(issuer, keys.keys().stream().map(SigningKey::publicKey).flatMap(Optional::stream).toList());
    }
}

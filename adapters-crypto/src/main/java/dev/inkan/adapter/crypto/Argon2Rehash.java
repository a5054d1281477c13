package dev.inkan.adapter.crypto;

import dev.inkan.domain.PasswordHash;

/** The rehash rule both Argon2id hashers share: a hash weaker than today's settings is replaced at the next login. */
final class Argon2Rehash {

    private Argon2Rehash() {
    }

    static boolean needed(PasswordHash hash, Argon2Parameters configured, int hashBytes) {
        return PhcString.parse(hash.value())
                .map(phc -> phc.parameters().isWeakerThan(configured) || phc.hash().length < hashBytes)
                .orElse(true);
    }
}

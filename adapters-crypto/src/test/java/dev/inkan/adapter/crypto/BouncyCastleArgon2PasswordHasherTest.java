package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.PasswordHasher;

/** {@link PasswordHasherContract} for Bouncy Castle's pure-Java Argon2. */
class BouncyCastleArgon2PasswordHasherTest extends PasswordHasherContract {

    @Override
    PasswordHasher create(Argon2Parameters parameters) {
        return new BouncyCastleArgon2PasswordHasher(parameters);
    }

    @Override
    PasswordHasher other(Argon2Parameters parameters) {
        return new Argon2NativePasswordHasher(parameters);
    }
}

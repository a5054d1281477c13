package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.PasswordHasher;

/** {@link PasswordHasherContract} for argon2-jvm, the reference C implementation. */
class Argon2NativePasswordHasherTest extends PasswordHasherContract {

    @Override
    PasswordHasher create(Argon2Parameters parameters) {
        return new Argon2NativePasswordHasher(parameters);
    }

    @Override
    PasswordHasher other(Argon2Parameters parameters) {
        return new BouncyCastleArgon2PasswordHasher(parameters);
    }
}

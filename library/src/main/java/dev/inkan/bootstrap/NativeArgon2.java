package dev.inkan.bootstrap;

import dev.inkan.adapter.crypto.Argon2NativePasswordHasher;
import dev.inkan.adapter.crypto.Argon2Parameters;
import dev.inkan.application.port.out.PasswordHasher;

/**
 * The native Argon2id hasher, which needs {@code de.mkammerer:argon2-jvm} (LGPL-3.0, native code)
 * on the class path. The library leaves it out; an application that wants it adds it.
 */
final class NativeArgon2 {

    private NativeArgon2() {
    }

    /** @throws IllegalStateException when argon2-jvm is not on the class path, saying how to add it */
    static PasswordHasher hasher(Argon2Parameters parameters) {
        try {
            return new Argon2NativePasswordHasher(parameters);
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException("the native Argon2id hasher (argon2-native) needs de.mkammerer:argon2-jvm on the"
                    + " class path: add that dependency, or choose argon2-bc, the pure-Java hasher", e);
        }
    }
}

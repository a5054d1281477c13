package dev.inkan.adapter.crypto;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.domain.Password;
import dev.inkan.domain.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Argon2id through argon2-jvm, the reference C implementation over JNA. */
public final class Argon2NativePasswordHasher implements PasswordHasher {

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    private final Argon2 argon2 = Argon2Factory.create(Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);
    private final Argon2Parameters parameters;

    public Argon2NativePasswordHasher(Argon2Parameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public PasswordHash hash(Password password) {
        char[] chars = password.value().toCharArray();
        try {
            return new PasswordHash(argon2.hash(parameters.iterations(), parameters.memoryKiB(), parameters.parallelism(),
                    chars, StandardCharsets.UTF_8));
        } finally {
            argon2.wipeArray(chars);
        }
    }

    @Override
    public boolean verify(PasswordHash hash, Password password) {
        if (PhcString.parse(hash.value()).isEmpty()) {
            return false;
        }
        char[] chars = password.value().toCharArray();
        try {
            return argon2.verify(hash.value(), chars, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return false;
        } finally {
            argon2.wipeArray(chars);
        }
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return Argon2Rehash.needed(hash, parameters, HASH_BYTES);
    }
}

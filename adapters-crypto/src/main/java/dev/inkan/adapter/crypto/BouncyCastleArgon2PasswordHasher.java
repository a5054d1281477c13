package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.domain.Password;
import dev.inkan.domain.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;

/** Argon2id in pure Java through Bouncy Castle; writes and reads the same PHC strings as argon2-jvm. */
public final class BouncyCastleArgon2PasswordHasher implements PasswordHasher {

    private final SecureRandom random = new SecureRandom();
    private final Argon2Parameters parameters;

    public BouncyCastleArgon2PasswordHasher(Argon2Parameters parameters) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    @Override
    public PasswordHash hash(Password password) {
        byte[] salt = new byte[Argon2NativePasswordHasher.SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, parameters, salt, Argon2NativePasswordHasher.HASH_BYTES);
        return new PasswordHash(new PhcString(parameters, salt, hash).format());
    }

    @Override
    public boolean verify(PasswordHash hash, Password password) {
        return PhcString.parse(hash.value())
                .map(phc -> MessageDigest.isEqual(phc.hash(), derive(password, phc.parameters(), phc.salt(), phc.hash().length)))
                .orElse(false);
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return Argon2Rehash.needed(hash, parameters, Argon2NativePasswordHasher.HASH_BYTES);
    }

    /** Raw Argon2id v1.3 output, as RFC 9106 defines it. */
    static byte[] derive(Password password, Argon2Parameters costs, byte[] salt, int length) {
        byte[] bytes = password.value().getBytes(StandardCharsets.UTF_8);
        try {
            return derive(bytes, costs, salt, length);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    static byte[] derive(byte[] password, Argon2Parameters costs, byte[] salt, int length) {
        var generator = new Argon2BytesGenerator();
        generator.init(new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(costs.memoryKiB())
                .withIterations(costs.iterations())
                .withParallelism(costs.parallelism())
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }
}

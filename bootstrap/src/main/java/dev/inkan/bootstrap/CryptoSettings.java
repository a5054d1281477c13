package dev.inkan.bootstrap;

import dev.inkan.adapter.crypto.Argon2Parameters;
import java.util.Objects;

/** Typed crypto configuration: the HMAC provider, the password hasher and its Argon2id parameters. */
public record CryptoSettings(CryptoProvider provider, PasswordHasherChoice hasher, Argon2Parameters argon2) {

    /** OWASP's minimum for Argon2id: 19 MiB, 2 iterations, 1 lane. Weaker settings are refused. */
    static final int MIN_MEMORY_KIB = 19_456;
    static final int MIN_ITERATIONS = 2;

    public CryptoSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(hasher, "hasher");
        Objects.requireNonNull(argon2, "argon2");
    }

    static CryptoSettings from(ConfigSource config) {
        return new CryptoSettings(
                config.choice("INKAN_CRYPTO_PROVIDER", CryptoProvider.JCA, CryptoProvider.class, CryptoProvider::parse),
                config.choice("INKAN_PASSWORD_HASHER", PasswordHasherChoice.ARGON2_NATIVE, PasswordHasherChoice.class,
                        PasswordHasherChoice::parse),
                new Argon2Parameters(
                        config.integer("INKAN_ARGON2_MEMORY_KIB", MIN_MEMORY_KIB, MIN_MEMORY_KIB, 4 * 1024 * 1024),
                        config.integer("INKAN_ARGON2_ITERATIONS", MIN_ITERATIONS, MIN_ITERATIONS, 100),
                        config.integer("INKAN_ARGON2_PARALLELISM", 1, 1, 64)));
    }
}

package dev.inkan.bootstrap;

import dev.inkan.adapter.crypto.JwkSetKeyRing;
import dev.inkan.adapter.crypto.JwkThumbprint;
import dev.inkan.adapter.crypto.KeyRings;
import dev.inkan.application.port.out.KeyRing;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.domain.JwsAlgorithm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the signing keys: a JWK Set file ({@code INKAN_JWT_KEYS_FILE}), else a bare secret
 * ({@code INKAN_JWT_SECRET}), else a key generated once into the data folder (mode 0600) and reused
 * on every later start.
 */
final class KeyRingLoader {

    static final String KEYS_FILE = "INKAN_JWT_KEYS_FILE";
    static final String SECRET = "INKAN_JWT_SECRET";
    static final String SUCCESSOR_SECRET = "INKAN_SUCCESSOR_SECRET";
    static final String GENERATED_KEYS_FILE = "jwks.json";
    /** Long enough for HS512, so changing {@code INKAN_JWT_ALG} later keeps the generated key usable. */
    private static final int GENERATED_KEY_BYTES = 64;

    private static final Logger LOG = LoggerFactory.getLogger(KeyRingLoader.class);

    private KeyRingLoader() {
    }

    static KeyRing load(ConfigSource config, JwsAlgorithm algorithm, Path dataDir, RandomSource random) {
        Optional<KeyRing> configured = configured(config, algorithm);
        if (configured.isPresent()) {
            return configured.get();
        }
        Path generated = dataDir.resolve(GENERATED_KEYS_FILE);
        if (!Files.exists(generated)) {
            generate(generated, random);
        }
        return fromJwkSetFile(generated, algorithm, generated.toString());
    }

    /** @return the keys {@code INKAN_JWT_KEYS_FILE} or {@code INKAN_JWT_SECRET} name, if either is set */
    static Optional<KeyRing> configured(ConfigSource config, JwsAlgorithm algorithm) {
        if (config.optional(KEYS_FILE).isPresent()) {
            if (config.optional(SECRET).isPresent()) {
                throw new ConfigException("set either " + KEYS_FILE + " or " + SECRET + ", not both");
            }
            return Optional.of(fromJwkSetFile(Path.of(config.optional(KEYS_FILE).get()), algorithm, KEYS_FILE));
        }
        if (config.optional(SECRET).isPresent()) {
            try {
                return Optional.of(KeyRings.fromBase64UrlSecret(config.optional(SECRET).get(), algorithm));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * @return the secret refresh successors are derived from, when {@code INKAN_SUCCESSOR_SECRET}
     *     holds one (base64url of at least 32 bytes); otherwise Inkan keeps one in its database
     */
    static Optional<byte[]> successorSecret(ConfigSource config) {
        return config.optional(SUCCESSOR_SECRET).map(text -> {
            byte[] secret;
            try {
                secret = Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(SUCCESSOR_SECRET + " must be the unpadded base64url of the secret's bytes");
            }
            if (secret.length < 32) {
                throw new ConfigException(SUCCESSOR_SECRET + " holds " + secret.length + " bytes; it needs at least 32");
            }
            return secret;
        });
    }

    /** Keys from JWK Set text (an embedder's, or a secret manager's). */
    static KeyRing fromJwkSet(String json, JwsAlgorithm algorithm, String name) {
        try {
            return JwkSetKeyRing.parse(json, algorithm, name);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static KeyRing fromJwkSetFile(Path file, JwsAlgorithm algorithm, String name) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot read the JWK Set at " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        return fromJwkSet(json, algorithm, name);
    }

    private static void generate(Path file, RandomSource random) {
        byte[] key = random.bytes(GENERATED_KEY_BYTES);
        String k = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        String jwks = "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"" + JwkThumbprint.ofOctetKey(key) + "\",\"use\":\"sig\",\"k\":\""
                + k + "\"}]}\n";
        try {
            DataDirectory.create(file.getParent());
            // Written in full under a temporary name first, so no reader ever sees half a key file.
            Path temporary = createOwnerOnlyTempFile(file.getParent());
            Files.writeString(temporary, jwks, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file);
            } catch (FileAlreadyExistsException e) {
                Files.delete(temporary); // another process made one first: use that
                return;
            }
        } catch (IOException e) {
            throw new ConfigException("cannot create a signing key in " + file.getParent() + " (set INKAN_DATA_DIR, "
                    + SECRET + " or " + KEYS_FILE + "): " + e.getClass().getSimpleName());
        }
        LOG.warn("No signing key configured: generated one into {} (owner read/write only). Back it up, or set {} or {}.",
                file, SECRET, KEYS_FILE);
    }

    private static Path createOwnerOnlyTempFile(Path dir) throws IOException {
        try {
            return Files.createTempFile(dir, ".jwks", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile(dir, ".jwks", ".tmp");
        }
    }
}

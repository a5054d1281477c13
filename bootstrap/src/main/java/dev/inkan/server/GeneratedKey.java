package dev.inkan.server;

import dev.inkan.adapter.crypto.JwkSetKeyRing;
import dev.inkan.adapter.crypto.KeyPairs;
import dev.inkan.adapter.crypto.RandomKeyGenerator;
import dev.inkan.adapter.crypto.StaticKeyRing;
import dev.inkan.application.port.out.KeyRing;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.bootstrap.ConfigException;
import dev.inkan.bootstrap.KeySource;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing keys of a server that was given none: generated once into its data folder (mode 0600),
 * said so in the log, and reused on every later start. Each algorithm has a file of its own: the HMAC
 * key ({@code jwks.json}, as before key pairs), an EdDSA, an Ed25519 and an ES256 key pair
 * ({@code jwks-eddsa.json}, …). The configured algorithm's key signs; the keys of the other files
 * keep verifying, so switching {@code INKAN_JWT_ALG} accepts the tokens signed before it, and
 * switching back finds the old key again.
 */
final class GeneratedKey {

    /** The HMAC key, which serves HS256, HS384 and HS512 alike (it carries no alg). */
    static final String FILE = "jwks.json";
    /** Long enough for HS512, so changing {@code INKAN_JWT_ALG} later keeps the generated key usable. */
    private static final int KEY_BYTES = 64;
    private static final Logger LOG = LoggerFactory.getLogger(GeneratedKey.class);

    private GeneratedKey() {
    }

    /** @return the name of the file that holds the generated key of {@code algorithm} */
    static String fileOf(JwsAlgorithm algorithm) {
        return algorithm.isHmac() ? FILE : "jwks-" + algorithm.jwsName().toLowerCase(java.util.Locale.ROOT) + ".json";
    }

    /** @return whether the data folder holds a key generated before, of any algorithm */
    static boolean anyIn(Path dataDir) {
        return Arrays.stream(JwsAlgorithm.values()).anyMatch(algorithm -> Files.exists(dataDir.resolve(fileOf(algorithm))));
    }

    /**
     * @param algorithm the configured algorithm, whose key is made first if there is none
     * @return the key of {@code algorithm} first, then those of the other files there are
     */
    static KeySource in(Path dataDir, RandomSource random, JwsAlgorithm algorithm) {
        Path signing = dataDir.resolve(fileOf(algorithm));
        if (!Files.exists(signing)) {
            generate(signing, algorithm, random);
        }
        return new KeySource.Read(new StaticKeyRing(readAll(dataDir, algorithm)), "the keys generated in " + dataDir);
    }

    /**
     * The keys generated here before, for the first start with the keys in the database to store
     * there: what {@link #in} would give, except that a missing key of {@code algorithm} is made in
     * memory, never in a file. The files are read only when the keys are asked for (when the
     * database holds none yet).
     *
     * @return empty when no key was generated here
     */
    static Optional<KeySource> before(Path dataDir, RandomSource random, JwsAlgorithm algorithm) {
        if (!anyIn(dataDir)) {
            return Optional.empty();
        }
        KeyRing ring = new KeyRing() {
            private List<SigningKey> keys;

            @Override
            public synchronized List<SigningKey> keys() {
                if (keys == null) {
                    List<SigningKey> found = new ArrayList<>();
                    if (!Files.exists(dataDir.resolve(fileOf(algorithm)))) {
                        found.add(new RandomKeyGenerator(random).generate(algorithm));
                    }
                    found.addAll(readAll(dataDir, algorithm));
                    keys = List.copyOf(found);
                }
                return keys;
            }
        };
        return Optional.of(new KeySource.Read(ring, "the keys generated in " + dataDir));
    }

    /** The keys of the files there are, that of {@code algorithm} first. */
    private static List<SigningKey> readAll(Path dataDir, JwsAlgorithm algorithm) {
        Path signing = dataDir.resolve(fileOf(algorithm));
        Set<String> files = new LinkedHashSet<>();
        files.add(fileOf(algorithm));
        for (JwsAlgorithm other : JwsAlgorithm.values()) {
            files.add(fileOf(other));
        }
        List<SigningKey> keys = new ArrayList<>();
        for (String name : files) {
            Path file = dataDir.resolve(name);
            if (Files.exists(file)) {
                keys.addAll(read(file, name.equals(FILE) ? hmacAlgorithm(algorithm) : algorithmOf(name)));
            }
        }
        SigningKey first = keys.isEmpty() ? null : keys.get(0);
        if (first != null && Files.exists(signing) && first.algorithm() != algorithm) {
            throw new ConfigException(signing + ": its key '" + first.keyId() + "' is for " + first.algorithm().jwsName()
                    + ", but INKAN_JWT_ALG is " + algorithm.jwsName() + ": remove its \"alg\", or set INKAN_JWT_ALG to it");
        }
        return keys;
    }

    /** The generated HMAC key has no alg: it serves the configured HMAC, or HS256 once a key pair signs. */
    private static JwsAlgorithm hmacAlgorithm(JwsAlgorithm configured) {
        return configured.isHmac() ? configured : JwsAlgorithm.HS256;
    }

    private static JwsAlgorithm algorithmOf(String file) {
        for (JwsAlgorithm algorithm : JwsAlgorithm.values()) {
            if (fileOf(algorithm).equals(file)) {
                return algorithm;
            }
        }
        throw new IllegalStateException("no algorithm has the file " + file);
    }

    private static List<SigningKey> read(Path file, JwsAlgorithm algorithm) {
        try {
            return JwkSetKeyRing.parse(Files.readString(file, StandardCharsets.UTF_8), algorithm, file.toString()).keys();
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the generated key (" + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static void generate(Path file, JwsAlgorithm algorithm, RandomSource random) {
        String jwks = algorithm.isHmac() ? OctetJwkSet.of(random.bytes(KEY_BYTES), Optional.empty())
                : KeyPairJwkSet.of(KeyPairs.generate(algorithm, random));
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
            throw new ConfigException("cannot create a signing key in " + file.getParent()
                    + " (set INKAN_DATA_DIR, INKAN_JWT_SECRET or INKAN_JWT_KEYS_FILE): " + e.getClass().getSimpleName());
        }
        if (algorithm.isHmac()) {
            LOG.warn("No signing key configured: generated one into {} (owner read/write only). Back it up, or set "
                    + "INKAN_JWT_SECRET or INKAN_JWT_KEYS_FILE.", file);
        } else {
            LOG.warn("No signing key configured: generated an {} key pair into {} (owner read/write only); its public key is"
                    + " served at /.well-known/jwks.json. Back it up, or set INKAN_JWT_KEYS_FILE; every instance needs the same"
                    + " keys.", algorithm.jwsName(), file);
        }
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

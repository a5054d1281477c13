package dev.inkan.server;

import dev.inkan.application.port.out.RandomSource;
import dev.inkan.bootstrap.ConfigException;
import dev.inkan.bootstrap.KeySource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing key of a server that was given none: generated once into its data folder
 * ({@code jwks.json}, mode 0600), said so in the log, and reused on every later start.
 */
final class GeneratedKey {

    static final String FILE = "jwks.json";
    /** Long enough for HS512, so changing {@code INKAN_JWT_ALG} later keeps the generated key usable. */
    private static final int KEY_BYTES = 64;
    private static final Logger LOG = LoggerFactory.getLogger(GeneratedKey.class);

    private GeneratedKey() {
    }

    /** @return the key in {@code dataDir}, made first if there is none */
    static KeySource in(Path dataDir, RandomSource random) {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            generate(file, random);
        }
        try {
            return new KeySource.JwkSet(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read the generated key (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static void generate(Path file, RandomSource random) {
        String jwks = OctetJwkSet.of(random.bytes(KEY_BYTES), Optional.empty());
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
        LOG.warn("No signing key configured: generated one into {} (owner read/write only). Back it up, or set "
                + "INKAN_JWT_SECRET or INKAN_JWT_KEYS_FILE.", file);
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

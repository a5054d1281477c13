package dev.inkan.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The local data folder (embedded database, generated key): created owner-only, since it holds password hashes and keys. */
final class DataDirectory {

    private DataDirectory() {
    }

    /** Creates {@code dir} (mode 0700 where the file system has modes) unless it exists; an existing folder is left as it is. */
    static void create(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (dir.getParent() != null) {
            Files.createDirectories(dir.getParent());
        }
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // made by another process in the meantime
        }
    }
}

package dev.inkan.adapter.mail;

import dev.inkan.application.port.out.MailKind;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

/**
 * Delivery into a folder: each message one RFC 822 file, {@code <UTC time>-<random>-<kind>.eml},
 * which any mail program opens. The folder is made owner-only (0700) and every file is owner-only
 * (0600), since a message holds a one-time token. A file is written under a temporary name and
 * then renamed, so that nobody sees half a message.
 */
final class OutboxDelivery implements MailDelivery {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path directory;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** @throws UncheckedIOException when the folder cannot be made */
    OutboxDelivery(Path directory, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            createOwnerOnly(this.directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the mail outbox " + this.directory, e);
        }
    }

    private static void createOwnerOnly(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (dir.getParent() != null) {
            Files.createDirectories(dir.getParent());
        }
        try {
            Files.createDirectory(dir, attribute(OWNER_ONLY_DIR));
        } catch (UnsupportedOperationException e) {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            // made by another process in the meantime
        }
    }

    @Override
    public void deliver(MimeMessage message, MailKind kind) throws MessagingException, IOException {
        byte[] unique = new byte[8];
        random.nextBytes(unique);
        String name = STAMP.format(clock.instant()) + "-" + HexFormat.of().formatHex(unique) + "-"
                + MailTemplates.fileName(kind) + ".eml";
        Path temporary = createOwnerOnlyFile();
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                message.writeTo(out);
            }
            Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private Path createOwnerOnlyFile() throws IOException {
        try {
            return Files.createTempFile(directory, ".message", ".tmp", attribute(OWNER_ONLY_FILE));
        } catch (UnsupportedOperationException e) {
            return Files.createTempFile(directory, ".message", ".tmp");
        }
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }

    @Override
    public String describe() {
        return "outbox " + directory;
    }
}

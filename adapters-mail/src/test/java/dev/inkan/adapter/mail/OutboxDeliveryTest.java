package dev.inkan.adapter.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.application.port.out.MailKind;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mail for local use: one owner-only {@code .eml} file per message in a folder made owner-only. */
class OutboxDeliveryTest {

    @TempDir
    Path dataDir;

    @Test
    void eachMessage_isOneEmlFile_ownerOnly_inAnOwnerOnlyFolder_thatReadsBackAsTheMessage() throws Exception {
        Path outbox = dataDir.resolve("outbox");
        String reset = TestMail.token();
        String verify = TestMail.token();
        try (LogCapture log = new LogCapture()) {
            try (QueuedMailSender sender = QueuedMailSender.outbox(outbox, TestMail.SETTINGS, Clock.systemUTC())) {
                assertThat(sender.destination()).isEqualTo("outbox " + outbox);
                sender.send(TestMail.mail("ann@example.org", MailKind.PASSWORD_RESET, reset));
                sender.send(TestMail.mail("ann@example.org", MailKind.VERIFY_EMAIL, verify));
                sender.send(TestMail.mail("bob@example.org", MailKind.PASSWORD_CHANGED, ""));
            }
            log.assertNoLineContains(reset, verify);
        }

        assertThat(Files.getPosixFilePermissions(outbox)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        List<Path> files;
        try (Stream<Path> listing = Files.list(outbox)) {
            files = listing.sorted().toList();
        }
        assertThat(files).as("one file per message, nothing left half-written").hasSize(3)
                .allMatch(file -> file.getFileName().toString().matches("\\d{8}T\\d{6}\\.\\d{3}Z-[0-9a-f]{16}-[a-z-]+\\.eml"));
        assertThat(files.stream().map(file -> file.getFileName().toString().replaceAll("^.*-[0-9a-f]{16}-", "")))
                .containsExactlyInAnyOrder("password-reset.eml", "verify-email.eml", "password-changed.eml");
        for (Path file : files) {
            assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }

        Path resetFile = files.stream().filter(file -> file.toString().endsWith("-password-reset.eml")).findFirst().orElseThrow();
        MimeMessage message;
        try (InputStream in = Files.newInputStream(resetFile)) {
            message = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertThat(message.getSubject()).isEqualTo("Reset your password");
        assertThat(message.getAllRecipients()[0]).hasToString("ann@example.org");
        assertThat(message.getSentDate()).isNotNull();
        assertThat(message.getMessageID()).endsWith("@example.com>");
        TestMail.Bodies bodies = TestMail.Bodies.of(message);
        assertThat(bodies.text()).contains("https://auth.example.com/inkan/password-reset?token=" + reset);
        assertThat(bodies.html()).contains("href=\"https://auth.example.com/inkan/password-reset?token=" + reset + "\"");
    }

    @Test
    void theFileNames_sortByTime() throws Exception {
        Path outbox = dataDir.resolve("outbox");
        MutableClock clock = new MutableClock();
        try (QueuedMailSender sender = QueuedMailSender.outbox(outbox, TestMail.SETTINGS, clock)) {
            sender.send(TestMail.mail("a@example.org", MailKind.ACCOUNT_EXISTS, ""));
        }
        clock.advance(java.time.Duration.ofMillis(1));
        try (QueuedMailSender sender = QueuedMailSender.outbox(outbox, TestMail.SETTINGS, clock)) {
            sender.send(TestMail.mail("b@example.org", MailKind.PASSWORD_CHANGED, ""));
        }
        try (Stream<Path> listing = Files.list(outbox)) {
            assertThat(listing.map(file -> file.getFileName().toString()).sorted().toList())
                    .satisfiesExactly(first -> assertThat(first).endsWith("-account-exists.eml"),
                            second -> assertThat(second).endsWith("-password-changed.eml"));
        }
    }
}

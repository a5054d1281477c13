package dev.inkan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.adapter.mail.QueuedMailSender;
import dev.inkan.application.port.out.MailKind;
import dev.inkan.application.port.out.MailSender;
import dev.inkan.application.port.out.OutgoingMail;
import dev.inkan.domain.Email;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which mail sender an {@link Inkan} sends through: the embedder's, an outbox, SMTP, or none that drops with a warning. */
class InkanMailTest {

    @TempDir
    Path dir;

    private static final OutgoingMail RESET = OutgoingMail.withLink(new Email("ann@example.com"), MailKind.PASSWORD_RESET,
            "reset-token-123");

    @Test
    void theEmbeddersOwnSender_getsTheMessages_andWinsOverTheConfiguration() {
        List<OutgoingMail> sent = new CopyOnWriteArrayList<>();
        MailSender own = sent::add;
        try (Inkan inkan = builder().configuration(Map.of("INKAN_SMTP_HOST", "mail.example.com",
                "INKAN_MAIL_FROM", "no-reply@example.com", "INKAN_PUBLIC_URL", "https://auth.example.com"))
                .mailSender(own).build()) {
            assertThat(inkan.mailSender()).isSameAs(own);
            inkan.mailSender().send(RESET);
        }
        assertThat(sent).containsExactly(RESET);
    }

    @Test
    void anOutbox_getsOneEmlFilePerMessage_withLinksFromThePublicUrl() throws Exception {
        Path outbox = dir.resolve("outbox");
        try (Inkan inkan = builder().mailOutbox(outbox).publicUrl(URI.create("http://localhost:8080")).build()) {
            inkan.mailSender().send(RESET);
        }
        try (Stream<Path> files = Files.list(outbox)) {
            Path file = files.filter(path -> path.toString().endsWith("-password-reset.eml")).findFirst().orElseThrow();
            assertThat(Files.readString(file)).contains("http://localhost:8080/password-reset?token=reset-token-123")
                    .contains("From: Inkan <inkan@localhost>");
        }
    }

    @Test
    void anOutbox_withoutAPublicUrl_isRefusedAtBuild_namingWhatIsMissing() {
        assertThatThrownBy(() -> builder().mailOutbox(dir.resolve("outbox")).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("publicUrl(…)").hasMessageContaining("INKAN_PUBLIC_URL");
    }

    @Test
    void smtpConfiguration_makesInkansOwnQueue_toThatServer() {
        try (Inkan inkan = builder().configuration(Map.of("INKAN_SMTP_HOST", "mail.example.com", "INKAN_SMTP_PORT", "2525",
                "INKAN_MAIL_FROM", "no-reply@example.com", "INKAN_PUBLIC_URL", "https://auth.example.com")).build()) {
            assertThat(inkan.mailSender()).isInstanceOfSatisfying(QueuedMailSender.class, queue ->
                    assertThat(queue.destination()).isEqualTo("SMTP server mail.example.com:2525 (starttls)"));
        }
    }

    @Test
    void anExplicitOutbox_winsOverTheSmtpConfiguration_asEveryExplicitChoiceDoes() {
        try (Inkan inkan = builder().configuration(Map.of("INKAN_SMTP_HOST", "mail.example.com",
                "INKAN_MAIL_FROM", "no-reply@example.com", "INKAN_PUBLIC_URL", "https://auth.example.com"))
                .mailOutbox(dir.resolve("outbox")).build()) {
            assertThat(((QueuedMailSender) inkan.mailSender()).destination()).startsWith("outbox ");
        }
    }

    @Test
    void withoutAnyMail_messagesAreDropped_andTheFirstDropWarnsOnce() {
        try (Inkan inkan = builder().build()) {
            assertThat(inkan.mailSender()).isInstanceOf(UnconfiguredMail.class);
        }
        List<String> warnings = new CopyOnWriteArrayList<>();
        UnconfiguredMail none = new UnconfiguredMail(warnings::add);
        none.send(RESET);
        none.send(RESET);
        assertThat(warnings).singleElement().asString().contains("PASSWORD_RESET").contains("mailSender(…)")
                .doesNotContain("reset-token-123").doesNotContain("ann@example.com");
    }

    @Test
    void aPublicUrlThatIsNotAbsoluteHttp_isRefusedByTheBuilder() {
        assertThatThrownBy(() -> builder().publicUrl(URI.create("/relative"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static InkanBuilder builder() {
        return Inkan.builder().jdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "")
                .secret(TestKeys.randomKey(32));
    }
}

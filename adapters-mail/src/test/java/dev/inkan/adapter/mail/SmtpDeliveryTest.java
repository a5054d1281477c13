package dev.inkan.adapter.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.application.port.out.MailKind;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Messages over real SMTP (GreenMail on a loopback port), read back as the recipient's mail server
 * got them: plain SMTP to a loopback host, SMTPS with a certificate the test trusts, and the
 * refusals: an untrusted certificate, one for another host, and a server without STARTTLS when
 * STARTTLS is required.
 */
class SmtpDeliveryTest {

    private static final Pattern LINK = Pattern.compile("https://\\S+");

    @Test
    void plainSmtpOnLoopback_deliversEveryKind_withItsSubject_bothBodies_andTheExactLink() throws Exception {
        Map<MailKind, String> tokens = new HashMap<>();
        try (TestSmtp smtp = TestSmtp.plain(0); LogCapture log = new LogCapture()) {
            try (QueuedMailSender sender = TestMail.sender(
                    new SmtpDelivery(SmtpSettings.of("127.0.0.1", smtp.port(), SmtpTls.NONE)), TestMail.QUICK)) {
                int n = 0;
                for (MailKind kind : MailKind.values()) {
                    String token = TestMail.token();
                    tokens.put(kind, token);
                    sender.send(TestMail.mail("user" + n++ + "@example.org", kind, token));
                }
                assertThat(smtp.awaitMessages(MailKind.values().length, 10_000)).isTrue();
            }

            assertThat(smtp.received()).hasSize(MailKind.values().length);
            int n = 0;
            for (MailKind kind : MailKind.values()) {
                String to = "user" + n++ + "@example.org";
                MimeMessage message = smtp.received().stream()
                        .filter(m -> recipient(m).equals(to)).findFirst().orElseThrow();
                assertThat(message.getSubject()).as(kind.name()).isEqualTo(TestMail.SUBJECTS.get(kind));
                InternetAddress from = (InternetAddress) message.getFrom()[0];
                assertThat(from.getAddress()).isEqualTo("no-reply@example.com");
                assertThat(from.getPersonal()).as("a sender's name beyond ASCII, encoded and decoded").isEqualTo("Inkan 印鑑");
                assertThat(message.getSentDate()).isNotNull();
                assertThat(message.getMessageID()).matches("<[0-9a-f-]{36}@example\\.com>");
                assertThat(message.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");

                TestMail.Bodies bodies = TestMail.Bodies.of(message);
                assertThat(bodies.textType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
                assertThat(bodies.htmlType()).startsWith("text/html").containsIgnoringCase("charset=UTF-8");
                assertThat(bodies.text()).contains(to);
                assertThat(bodies.html()).contains(to).startsWith("<!DOCTYPE html>");
                if (kind.hasLink()) {
                    String path = kind == MailKind.PASSWORD_RESET ? "/password-reset" : "/verify-email";
                    String expected = "https://auth.example.com/inkan" + path + "?token=" + tokens.get(kind);
                    Matcher link = LINK.matcher(bodies.text());
                    assertThat(link.find()).isTrue();
                    assertThat(link.group()).as(kind + " link in the text").isEqualTo(expected);
                    assertThat(bodies.html()).as(kind + " link in the HTML").contains("href=\"" + expected + "\"");
                } else {
                    assertThat(bodies.text() + bodies.html()).as(kind + " has no link").doesNotContain("token=")
                            .contains("https://auth.example.com/inkan");
                }
            }
            log.assertNoLineContains(tokens.values().toArray(String[]::new));
        }
    }

    @Test
    void implicitTls_withATrustedCertificateForTheHost_andALogin_delivers() throws Exception {
        String password = TestMail.token();
        try (TestSmtp smtps = TestSmtp.implicitTls().withUser("inkan@example.com", "inkan", password)) {
            SmtpSettings settings = new SmtpSettings("127.0.0.1", smtps.port(), SmtpTls.IMPLICIT, Optional.of("inkan"),
                    Optional.of(password));
            String token = TestMail.token();
            try (QueuedMailSender sender = TestMail.sender(
                    new SmtpDelivery(settings, Optional.of(TestCertificate.trustingIt())), TestMail.QUICK)) {
                sender.send(TestMail.mail("ann@example.org", MailKind.PASSWORD_RESET, token));
                assertThat(smtps.awaitMessages(1, 10_000)).isTrue();
            }
            assertThat(TestMail.Bodies.of(smtps.received().get(0)).text())
                    .contains("https://auth.example.com/inkan/password-reset?token=" + token);
        }
    }

    @Test
    void implicitTls_withACertificateTheJvmDoesNotTrust_deliversNothing_triesAgain_andWarnsWithoutTheToken() throws Exception {
        try (TestSmtp smtps = TestSmtp.implicitTls(); LogCapture log = new LogCapture()) {
            String token = TestMail.token();
            // the production path: the JVM's own trust store, which has never heard of the test's certificate
            try (QueuedMailSender sender = TestMail.sender(
                    new SmtpDelivery(SmtpSettings.of("127.0.0.1", smtps.port(), SmtpTls.IMPLICIT)), TestMail.QUICK)) {
                sender.send(TestMail.mail("ann@example.org", MailKind.PASSWORD_RESET, token));
                String gaveUp = log.await("password-reset message given up after 3 attempts", Duration.ofSeconds(20));
                assertThat(gaveUp).startsWith("WARN").contains("SMTP server 127.0.0.1:" + smtps.port());
            }
            assertThat(smtps.received()).isEmpty();
            assertThat(log.lines()).filteredOn(line -> line.startsWith("INFO") && line.contains("trying again")).hasSize(2);
            log.assertNoLineContains(token, "ann@example.org");
        }
    }

    @Test
    void implicitTls_withATrustedCertificateForAnotherHost_isRefused() throws Exception {
        try (TestSmtp smtps = TestSmtp.implicitTls(); LogCapture log = new LogCapture()) {
            // the certificate names 127.0.0.1 alone; "localhost" reaches the same server under another name
            try (QueuedMailSender sender = TestMail.sender(new SmtpDelivery(
                    SmtpSettings.of("localhost", smtps.port(), SmtpTls.IMPLICIT), Optional.of(TestCertificate.trustingIt())),
                    TestMail.QUICK)) {
                sender.send(TestMail.mail("ann@example.org", MailKind.PASSWORD_CHANGED, ""));
                String gaveUp = log.await("password-changed message given up", Duration.ofSeconds(20));
                assertThat(gaveUp).contains("No name matching localhost found");
            }
            assertThat(smtps.received()).isEmpty();
        }
    }

    @Test
    void starttlsRequired_againstAServerWithoutStarttls_failsRatherThanSendingInClear() throws Exception {
        try (TestSmtp plain = TestSmtp.plain(0); LogCapture log = new LogCapture()) {
            String token = TestMail.token();
            try (QueuedMailSender sender = TestMail.sender(
                    new SmtpDelivery(SmtpSettings.of("127.0.0.1", plain.port(), SmtpTls.STARTTLS)), TestMail.QUICK)) {
                sender.send(TestMail.mail("ann@example.org", MailKind.VERIFY_EMAIL, token));
                String gaveUp = log.await("verify-email message given up", Duration.ofSeconds(20));
                assertThat(gaveUp).containsIgnoringCase("STARTTLS");
            }
            assertThat(plain.received()).as("nothing went in clear").isEmpty();
            log.assertNoLineContains(token);
        }
    }

    @Test
    void aServerThatIsDownAtFirst_getsTheMessageOnce_whenItComesUp_andSendNeverWaitedForIt() throws Exception {
        int port = TestSmtp.freePort();
        String token = TestMail.token();
        Retries patient = new Retries(10, Duration.ofMillis(100), Duration.ofMillis(500));
        try (LogCapture log = new LogCapture(); TestSmtp late = TestSmtp.plainNotStarted(port)) {
            try (QueuedMailSender sender = new QueuedMailSender(new SmtpDelivery(SmtpSettings.of("127.0.0.1", port, SmtpTls.NONE)),
                    TestMail.SETTINGS, patient, 100, Duration.ofSeconds(5), Clock.systemUTC())) {
                // send returns while no server exists on the port: had it waited for delivery, the test would hang here
                sender.send(TestMail.mail("ann@example.org", MailKind.VERIFY_EMAIL, token));
                log.await("verify-email message: attempt 1 of 10", Duration.ofSeconds(20));

                late.start();
                assertThat(late.awaitMessages(1, 20_000)).isTrue();
            }
            assertThat(late.received()).as("delivered once").hasSize(1);
            assertThat(TestMail.Bodies.of(late.received().get(0)).text()).contains("?token=" + token);
            log.assertNoLineContains(token, "ann@example.org");
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.inkan.adapter.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.application.port.out.MailKind;
import dev.inkan.application.port.out.OutgoingMail;
import dev.inkan.domain.Email;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The queue in front of delivery: the hourly limit per recipient, a full queue, and a bounded shutdown. */
class QueuedMailSenderTest {

    @Test
    void sevenMessagesToOneAddress_deliverFive_andOtherRecipientsAreUnaffected() throws Exception {
        try (TestSmtp smtp = TestSmtp.plain(0); LogCapture log = new LogCapture()) {
            List<String> tokens = new CopyOnWriteArrayList<>();
            try (QueuedMailSender sender = TestMail.sender(
                    new SmtpDelivery(SmtpSettings.of("127.0.0.1", smtp.port(), SmtpTls.NONE)), TestMail.QUICK)) {
                for (int i = 0; i < 7; i++) {
                    String token = TestMail.token();
                    tokens.add(token);
                    sender.send(TestMail.mail("flooded@example.org", MailKind.PASSWORD_RESET, token));
                }
                sender.send(TestMail.mail("other@example.org", MailKind.PASSWORD_RESET, TestMail.token()));
                assertThat(smtp.awaitMessages(6, 10_000)).isTrue();
            }

            assertThat(smtp.received().stream().map(QueuedMailSenderTest::recipient))
                    .containsExactlyInAnyOrder("flooded@example.org", "flooded@example.org", "flooded@example.org",
                            "flooded@example.org", "flooded@example.org", "other@example.org");
            assertThat(log.warnings()).filteredOn(line -> line.contains("its recipient already got 5 in the last hour"))
                    .hasSize(2).allMatch(line -> line.contains("password-reset"));
            log.assertNoLineContains(tokens.toArray(String[]::new));
            log.assertNoLineContains("flooded@example.org");
        }
    }

    @Test
    void noticesOfAChangeOfTheAccount_goEvenToARecipientWhoseHourIsFull() throws Exception {
        try (TestSmtp smtp = TestSmtp.plain(0)) {
            try (QueuedMailSender sender = TestMail.sender(
                    new SmtpDelivery(SmtpSettings.of("127.0.0.1", smtp.port(), SmtpTls.NONE)), TestMail.QUICK)) {
                for (int i = 0; i < 5; i++) {
                    sender.send(TestMail.mail("victim@example.org", MailKind.PASSWORD_RESET, TestMail.token()));
                }
                sender.send(OutgoingMail.notice(new Email("victim@example.org"), MailKind.EMAIL_CHANGE_REQUESTED));
                sender.send(OutgoingMail.notice(new Email("victim@example.org"), MailKind.PASSWORD_CHANGED));
                sender.send(OutgoingMail.notice(new Email("victim@example.org"), MailKind.ACCOUNT_EXISTS));
                assertThat(smtp.awaitMessages(7, 10_000)).isTrue();
            }

            assertThat(smtp.received()).as("five links and the two notices; the sign-up notice is capped").hasSize(7);
        }
    }

    @Test
    void aFullQueue_dropsTheMessage_withAWarningThatNamesItsKind_andSendStillReturns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        Blocking delivery = new Blocking(started, release);
        String token = TestMail.token();
        try (LogCapture log = new LogCapture()) {
            try (QueuedMailSender sender = new QueuedMailSender(delivery, TestMail.SETTINGS, TestMail.QUICK, 2,
                    Duration.ofSeconds(5), Clock.systemUTC())) {
                sender.send(TestMail.mail("a@example.org", MailKind.VERIFY_EMAIL, TestMail.token()));
                assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
                sender.send(TestMail.mail("b@example.org", MailKind.VERIFY_EMAIL, TestMail.token()));
                sender.send(TestMail.mail("c@example.org", MailKind.PASSWORD_RESET, token));

                assertThat(log.warnings()).singleElement().asString().contains("password-reset message dropped")
                        .contains("2 messages are already waiting");
                release.countDown();
            }
            assertThat(delivery.delivered).hasSize(2);
            log.assertNoLineContains(token, "c@example.org");
        }
    }

    @Test
    void close_withADeliveryThatHangs_returnsWithinItsGrace_andCountsWhatWasNotDelivered() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        try (LogCapture log = new LogCapture()) {
            QueuedMailSender sender = new QueuedMailSender(new Blocking(started, never), TestMail.SETTINGS, TestMail.QUICK, 10,
                    Duration.ofMillis(300), Clock.systemUTC());
            sender.send(TestMail.mail("a@example.org", MailKind.VERIFY_EMAIL, TestMail.token()));
            sender.send(TestMail.mail("b@example.org", MailKind.PASSWORD_CHANGED, ""));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

            long before = System.nanoTime();
            sender.close();
            assertThat(Duration.ofNanos(System.nanoTime() - before)).as("close is bounded").isLessThan(Duration.ofSeconds(5));
            assertThat(log.warnings()).as("the interrupted delivery's warning, then the count, all before close returns")
                    .containsSubsequence(
                            "WARN dev.inkan.adapter.mail.QueuedMailSender mail: verify-email message abandoned after attempt 1 failed"
                                    + " (IllegalStateException: interrupted): the mail sender is stopping",
                            "WARN dev.inkan.adapter.mail.QueuedMailSender mail: stopped with 2 message(s) not delivered to "
                                    + "a slow server");

            sender.send(TestMail.mail("c@example.org", MailKind.PASSWORD_CHANGED, ""));
            assertThat(log.warnings()).anyMatch(line -> line.contains("password-changed message dropped: the mail sender is stopped"));
        }
    }

    @Test
    void closing_abandonsTheRetriesStillWaiting_insteadOfWaitingForThem() throws Exception {
        Retries slow = new Retries(5, Duration.ofMinutes(1), Duration.ofMinutes(1));
        try (LogCapture log = new LogCapture()) {
            QueuedMailSender sender = new QueuedMailSender(new Failing(), TestMail.SETTINGS, slow, 10, Duration.ofSeconds(5),
                    Clock.systemUTC());
            sender.send(TestMail.mail("a@example.org", MailKind.ACCOUNT_EXISTS, ""));
            log.await("account-exists message: attempt 1 of 5", Duration.ofSeconds(10));

            long before = System.nanoTime();
            sender.close();
            assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
            assertThat(log.warnings()).anyMatch(line -> line.contains("stopped with 1 message(s) not delivered"));
        }
    }

    @Test
    void aRecipientSmtpCannotCarry_isDroppedWithoutRetries_andWithoutNamingIt() throws Exception {
        Recording delivery = new Recording();
        try (LogCapture log = new LogCapture()) {
            try (QueuedMailSender sender = new QueuedMailSender(delivery, TestMail.SETTINGS, TestMail.QUICK, 10,
                    Duration.ofSeconds(5), Clock.systemUTC())) {
                // a valid account e-mail that no RFC 822 parser takes
                sender.send(OutgoingMail.notice(new Email("odd,\"name@example.org"), MailKind.PASSWORD_CHANGED));
            }
            assertThat(delivery.delivered).isEmpty();
            assertThat(log.warnings()).singleElement().asString().contains("could not be composed").doesNotContain("odd");
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delivers once {@code release} opens, after saying it started. */
    private static final class Blocking implements MailDelivery {

        final List<MimeMessage> delivered = new CopyOnWriteArrayList<>();
        private final CountDownLatch started;
        private final CountDownLatch release;

        Blocking(CountDownLatch started, CountDownLatch release) {
            this.started = started;
            this.release = release;
        }

        @Override
        public void deliver(MimeMessage message, MailKind kind) {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
            delivered.add(message);
        }

        @Override
        public String describe() {
            return "a slow server";
        }
    }

    private static final class Failing implements MailDelivery {

        @Override
        public void deliver(MimeMessage message, MailKind kind) throws jakarta.mail.MessagingException {
            throw new jakarta.mail.MessagingException("server unavailable");
        }

        @Override
        public String describe() {
            return "a broken server";
        }
    }

    private static final class Recording implements MailDelivery {

        final List<MimeMessage> delivered = new CopyOnWriteArrayList<>();

        @Override
        public void deliver(MimeMessage message, MailKind kind) {
            delivered.add(message);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }
}

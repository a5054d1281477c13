package dev.inkan.adapter.mail;

import dev.inkan.application.port.out.MailKind;
import dev.inkan.application.port.out.OutgoingMail;
import dev.inkan.domain.Email;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** What the mail tests share: settings, senders with quick retries, tokens, and a received message's parts. */
final class TestMail {

    static final URI PUBLIC_URL = URI.create("https://auth.example.com/inkan");
    static final String FROM = "Inkan 印鑑 <no-reply@example.com>";
    static final MailSettings SETTINGS = new MailSettings(FROM, PUBLIC_URL, MailSettings.DEFAULT_PER_RECIPIENT_PER_HOUR);
    /** Retries a few times, quickly, so that a test sees every attempt. */
    static final Retries QUICK = new Retries(3, Duration.ofMillis(50), Duration.ofMillis(200));

    /** What the user reads first: each kind's subject. */
    static final Map<MailKind, String> SUBJECTS = Map.of(
            MailKind.VERIFY_EMAIL, "Confirm your e-mail address",
            MailKind.CONFIRM_NEW_EMAIL, "Confirm your new e-mail address",
            MailKind.EMAIL_CHANGE_REQUESTED, "Your account's e-mail address is about to change",
            MailKind.PASSWORD_RESET, "Reset your password",
            MailKind.PASSWORD_CHANGED, "Your password was changed",
            MailKind.ACCOUNT_EXISTS, "You already have an account");

    private TestMail() {
    }

    static QueuedMailSender sender(MailDelivery delivery, Retries retries) {
        return new QueuedMailSender(delivery, SETTINGS, retries, 100, Duration.ofSeconds(5), Clock.systemUTC());
    }

    /** @return a token like the flows' own: 256 random bits, base64url */
    static String token() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @return a message of {@code kind} to {@code to}, with {@code token} if the kind has a link */
    static OutgoingMail mail(String to, MailKind kind, String token) {
        return kind.hasLink() ? OutgoingMail.withLink(new Email(to), kind, token) : OutgoingMail.notice(new Email(to), kind);
    }

    /** The plain-text and HTML bodies of a received {@code multipart/alternative} message. */
    record Bodies(String textType, String text, String htmlType, String html) {

        static Bodies of(MimeMessage message) throws MessagingException, IOException {
            Multipart alternative = (Multipart) message.getContent();
            if (alternative.getCount() != 2 || !alternative.getContentType().startsWith("multipart/alternative")) {
                throw new AssertionError("not multipart/alternative of two parts: " + alternative.getContentType());
            }
            BodyPart text = alternative.getBodyPart(0);
            BodyPart html = alternative.getBodyPart(1);
            return new Bodies(text.getContentType(), (String) text.getContent(), html.getContentType(), (String) html.getContent());
        }
    }
}

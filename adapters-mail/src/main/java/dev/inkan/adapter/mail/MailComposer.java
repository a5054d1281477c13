package dev.inkan.adapter.mail;

import dev.inkan.application.port.out.MailKind;
import dev.inkan.application.port.out.OutgoingMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.UUID;

/**
 * Turns an {@link OutgoingMail} into the message itself: {@code multipart/alternative} of a plain-text
 * and an HTML body from the kind's templates, UTF-8, with {@code Date} and {@code Message-ID}. A
 * link is the public URL, the kind's path and {@code ?token=} with the token URL-encoded: nothing
 * else goes into it.
 */
final class MailComposer {

    private static final String UTF_8 = "UTF-8";

    private final MailTemplates templates;
    private final InternetAddress from;
    private final String linkBase;
    private final String site;
    private final String messageIdDomain;
    private final Clock clock;
    /** Composing needs no transport; each delivery brings its own. */
    private final Session session = Session.getInstance(new Properties());

    MailComposer(MailTemplates templates, MailSettings settings, Clock clock) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.from = settings.fromAddress();
        this.linkBase = settings.linkBase();
        this.site = settings.publicUrl().toString();
        String address = from.getAddress();
        this.messageIdDomain = address.substring(address.lastIndexOf('@') + 1);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @throws MessagingException when the recipient is no address SMTP can carry */
    MimeMessage compose(OutgoingMail mail) throws MessagingException {
        MailTemplates.Rendered rendered = templates.render(mail.kind(), Map.of(
                MailTemplates.LINK, mail.token().map(token -> link(mail.kind(), token)).orElse(""),
                MailTemplates.EMAIL, mail.to().value(),
                MailTemplates.SITE, site));
        MimeMessage message = new IdentifiedMessage(session, messageIdDomain);
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to().value(), true));
        message.setSubject(rendered.subject(), UTF_8);
        message.setSentDate(Date.from(clock.instant()));
        // RFC 3834: an automatic message, which auto-responders leave unanswered
        message.setHeader("Auto-Submitted", "auto-generated");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(rendered.text(), UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(rendered.html(), UTF_8, "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /** @return {@code <public URL>/<path>?token=<token>}, the path the page serves for the kind */
    String link(MailKind kind, String token) {
        return linkBase + path(kind) + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static String path(MailKind kind) {
        return switch (kind) {
            case VERIFY_EMAIL, CONFIRM_NEW_EMAIL -> "/verify-email";
            case PASSWORD_RESET -> "/password-reset";
            case EMAIL_CHANGE_REQUESTED, PASSWORD_CHANGED, ACCOUNT_EXISTS ->
                    throw new IllegalArgumentException(kind + " carries no link");
        };
    }

    /**
     * A message whose {@code Message-ID} is a random UUID at the sender's domain, rather than one
     * made from this machine's host name, which would need a lookup and tell the recipient that name.
     */
    private static final class IdentifiedMessage extends MimeMessage {

        private final String domain;

        IdentifiedMessage(Session session, String domain) {
            super(session);
            this.domain = domain;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + UUID.randomUUID() + "@" + domain + ">");
        }
    }
}

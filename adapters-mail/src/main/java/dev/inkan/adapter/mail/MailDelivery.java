package dev.inkan.adapter.mail;

import dev.inkan.application.port.out.MailKind;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;

/** Where a composed message goes: an SMTP server or the outbox folder. Called from the mail thread alone. */
interface MailDelivery {

    /**
     * @param kind which of Inkan's messages it is (the outbox names its files by it)
     * @throws MessagingException or {@link IOException} when it did not get there; it may be tried again
     */
    void deliver(MimeMessage message, MailKind kind) throws MessagingException, IOException;

    /** @return what the log calls it: {@code SMTP server mail.example.com:587 (starttls)}, {@code outbox /srv/inkan/outbox} */
    String describe();
}

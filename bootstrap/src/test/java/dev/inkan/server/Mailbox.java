package dev.inkan.server;

import dev.inkan.application.port.out.MailKind;
import dev.inkan.application.port.out.MailSender;
import dev.inkan.application.port.out.OutgoingMail;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test helper: the mail the server sent, as a user's inbox shows it. The one place the tests read
 * mail from: today it captures what the server hands its mail sender; reading a real SMTP server's
 * messages (their links' {@code ?token=}) changes this class alone.
 */
final class Mailbox implements MailSender {

    private final List<OutgoingMail> sent = new CopyOnWriteArrayList<>();

    @Override
    public void send(OutgoingMail mail) {
        sent.add(mail);
    }

    /** @return the token of the link in the latest message of {@code kind} to {@code address} */
    String lastToken(String address, MailKind kind) {
        for (int i = sent.size() - 1; i >= 0; i--) {
            OutgoingMail mail = sent.get(i);
            if (mail.to().value().equals(address) && mail.kind() == kind) {
                return mail.token().orElseThrow(() -> new AssertionError(kind + " carries no link"));
            }
        }
        throw new AssertionError("no " + kind + " to " + address + "; sent: " + sent);
    }

    /** @return the kinds of message sent to {@code address}, in order */
    List<MailKind> kindsTo(String address) {
        return sent.stream().filter(mail -> mail.to().value().equals(address)).map(OutgoingMail::kind).toList();
    }

    /** Forgets every message so far. */
    void clear() {
        sent.clear();
    }
}

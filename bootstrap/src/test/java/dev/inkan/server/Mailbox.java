package dev.inkan.server;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.inkan.application.port.out.MailKind;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper: the mail the server sent, as a user's inbox shows it. A real SMTP server (GreenMail,
 * plain SMTP on a loopback port) to which the server under test delivers as to any other, and the
 * messages it received: their recipient, their kind (told by the subject of the kind's template)
 * and the token of their link, read from the plain-text body of the message itself.
 *
 * <p>Delivery is asynchronous, so every read waits, boundedly, for the message it expects. One mail
 * thread delivers in the order the messages were queued: once a message has arrived, every one
 * queued before it has too, which is what lets a test say that an address got nothing.
 */
final class Mailbox implements AutoCloseable {

    /** The service's public URL, with which every link in a message starts. */
    static final String PUBLIC_URL = "https://auth.inkan.test";
    private static final String FROM = "Inkan <no-reply@inkan.test>";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Pattern LINK = Pattern.compile("(\\S+)\\?token=([A-Za-z0-9_%-]+)");
    private static final Map<String, MailKind> KINDS_BY_SUBJECT = subjects();

    /** One message as its recipient reads it. */
    record Received(String to, MailKind kind, String text) {
    }

    private final GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    /** How many messages of each address and kind {@link #nextToken} has handed out. */
    private final Map<String, Integer> handedOut = new HashMap<>();

    private Mailbox() {
    }

    /** @return a mailbox whose SMTP server listens on a free loopback port */
    static Mailbox start() {
        Mailbox mailbox = new Mailbox();
        mailbox.server.start();
        return mailbox;
    }

    /** Points the server under test at this mailbox: {@code INKAN_SMTP_*}, {@code INKAN_MAIL_FROM}, {@code INKAN_PUBLIC_URL}. */
    void configure(Map<String, String> env) {
        env.put("INKAN_SMTP_HOST", "127.0.0.1");
        env.put("INKAN_SMTP_PORT", Integer.toString(server.getSmtp().getPort()));
        env.put("INKAN_SMTP_TLS", "none");
        env.put("INKAN_MAIL_FROM", FROM);
        env.put("INKAN_PUBLIC_URL", PUBLIC_URL);
    }

    /**
     * Waits for the next message of {@code kind} to {@code address} that this method has not handed
     * out yet, and reads its link.
     *
     * @return the token of the link, which starts with {@link #PUBLIC_URL} and the page's path for the kind
     */
    String nextToken(String address, MailKind kind) {
        String key = address + " " + kind;
        int index = handedOut.getOrDefault(key, 0);
        List<Received> messages = await(received -> count(received, address, kind) > index,
                "message " + (index + 1) + " of kind " + kind + " to " + address).stream()
                .filter(message -> message.to().equals(address) && message.kind() == kind).toList();
        handedOut.put(key, index + 1);
        return tokenOf(messages.get(index));
    }

    /**
     * Waits until {@code address} has received at least {@code count} messages.
     *
     * @return the kinds of message {@code address} received, in the order they were sent
     */
    List<MailKind> kindsTo(String address, int count) {
        return await(received -> received.stream().filter(message -> message.to().equals(address)).count() >= count,
                count + " messages to " + address).stream()
                .filter(message -> message.to().equals(address)).map(Received::kind).toList();
    }

    @Override
    public void close() {
        server.stop();
    }

    private List<Received> await(Predicate<List<Received>> done, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (;;) {
            List<Received> received = received();
            if (done.test(received)) {
                return received;
            }
            long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            // blocks until one more message arrives, or the time is up
            if (left <= 0 || !server.waitForIncomingEmail(left, received.size() + 1)) {
                throw new AssertionError("no " + what + " within " + WAIT.toSeconds() + " s; received: " + received());
            }
        }
    }

    private List<Received> received() {
        List<Received> received = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            received.add(read(message));
        }
        return received;
    }

    private static long count(List<Received> received, String address, MailKind kind) {
        return received.stream().filter(message -> message.to().equals(address) && message.kind() == kind).count();
    }

    private static Received read(MimeMessage message) {
        try {
            String to = ((InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress();
            MailKind kind = KINDS_BY_SUBJECT.get(message.getSubject());
            if (kind == null) {
                throw new AssertionError("a message of no kind Inkan sends: " + message.getSubject());
            }
            return new Received(to, kind, plainText(message));
        } catch (MessagingException e) {
            throw new AssertionError("an unreadable message", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the {@code text/plain} part of the {@code multipart/alternative}, its transfer encoding undone */
    private static String plainText(MimeMessage message) throws MessagingException, IOException {
        Multipart alternative = (Multipart) message.getContent();
        for (int i = 0; i < alternative.getCount(); i++) {
            BodyPart part = alternative.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("a message without a plain-text body: " + message.getSubject());
    }

    private static String tokenOf(Received message) {
        Matcher link = LINK.matcher(message.text());
        if (!link.find()) {
            throw new AssertionError(message.kind() + " to " + message.to() + " carries no link: " + message.text());
        }
        String expected = PUBLIC_URL + (message.kind() == MailKind.PASSWORD_RESET ? "/password-reset" : "/verify-email");
        if (!link.group(1).equals(expected)) {
            throw new AssertionError(message.kind() + " links to " + link.group(1) + ", not to " + expected);
        }
        return URLDecoder.decode(link.group(2), StandardCharsets.UTF_8);
    }

    /** Each kind's subject, from the first line of its template ({@code Subject: …}), as the mail adapter reads it. */
    private static Map<String, MailKind> subjects() {
        Map<String, MailKind> kinds = new HashMap<>();
        for (MailKind kind : MailKind.values()) {
            String name = "dev/inkan/adapter/mail/templates/" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".txt";
            try (InputStream in = Mailbox.class.getClassLoader().getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("no mail template " + name);
                }
                String first = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
                if (kinds.put(first.substring("Subject: ".length()).strip(), kind) != null) {
                    throw new IllegalStateException("two kinds of message share the subject of " + name);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Map.copyOf(kinds);
    }
}

package dev.inkan.adapter.mail;

import dev.inkan.application.port.out.MailKind;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;

/**
 * Delivery over SMTP with Angus Mail, one connection per message. {@code starttls} requires the
 * upgrade (a server that does not offer {@code STARTTLS} is refused, never spoken to in clear),
 * {@code implicit} speaks SMTPS, {@code none} plain SMTP; with TLS the server's certificate must be
 * trusted and name the host. Every connect, read and write has a timeout, so a stuck server holds
 * the mail thread for a bounded time.
 */
final class SmtpDelivery implements MailDelivery {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration IO_TIMEOUT = Duration.ofSeconds(30);

    private final SmtpSettings settings;
    private final String protocol;
    private final Session session;

    /** Trusts the certificates the JVM trusts. */
    SmtpDelivery(SmtpSettings settings) {
        this(settings, Optional.empty());
    }

    /** @param sslSockets the TLS sockets to use instead of the JVM's: for tests, which trust a certificate of their own */
    SmtpDelivery(SmtpSettings settings, Optional<SSLSocketFactory> sslSockets) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.protocol = settings.tls() == SmtpTls.IMPLICIT ? "smtps" : "smtp";
        this.session = Session.getInstance(properties(settings, protocol, sslSockets));
    }

    private static Properties properties(SmtpSettings settings, String protocol, Optional<SSLSocketFactory> sslSockets) {
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", protocol);
        properties.setProperty(prefix + "host", settings.host());
        properties.setProperty(prefix + "port", Integer.toString(settings.port()));
        properties.setProperty(prefix + "connectiontimeout", Long.toString(CONNECT_TIMEOUT.toMillis()));
        properties.setProperty(prefix + "timeout", Long.toString(IO_TIMEOUT.toMillis()));
        properties.setProperty(prefix + "writetimeout", Long.toString(IO_TIMEOUT.toMillis()));
        properties.setProperty(prefix + "auth", Boolean.toString(settings.username().isPresent()));
        switch (settings.tls()) {
            case STARTTLS -> {
                properties.setProperty(prefix + "starttls.enable", "true");
                properties.setProperty(prefix + "starttls.required", "true");
            }
            case IMPLICIT -> properties.setProperty(prefix + "ssl.enable", "true");
            case NONE -> properties.setProperty(prefix + "starttls.enable", "false");
        }
        // the certificate must name the host we asked for (Angus checks it by default; said here so it stays so)
        properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        sslSockets.ifPresent(factory -> properties.put(prefix + "ssl.socketFactory", factory));
        // a socket that fails is never made again another way (Angus would retry with the JVM's factory)
        properties.setProperty(prefix + "socketFactory.fallback", "false");
        return properties;
    }

    @Override
    public void deliver(MimeMessage message, MailKind kind) throws MessagingException {
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect(settings.host(), settings.port(), settings.username().orElse(null),
                    settings.password().orElse(null));
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    @Override
    public String describe() {
        return "SMTP server " + settings.host() + ":" + settings.port() + " (" + settings.tls() + ")";
    }
}

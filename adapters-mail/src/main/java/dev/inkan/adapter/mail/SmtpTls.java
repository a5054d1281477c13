package dev.inkan.adapter.mail;

import java.util.Locale;

/** How the connection to the SMTP server is protected. */
public enum SmtpTls {
    /** Plain SMTP that must switch to TLS with {@code STARTTLS} before anything is sent; a server that cannot is refused. */
    STARTTLS(587),
    /** TLS from the first byte (SMTPS, "implicit TLS"). */
    IMPLICIT(465),
    /** No TLS at all: only for a server on this machine's loopback interface. */
    NONE(25);

    private final int defaultPort;

    SmtpTls(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    /** @return the port servers of this kind listen on: 587, 465 or 25 */
    public int defaultPort() {
        return defaultPort;
    }

    /** @throws IllegalArgumentException for anything but starttls, implicit or none */
    public static SmtpTls parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

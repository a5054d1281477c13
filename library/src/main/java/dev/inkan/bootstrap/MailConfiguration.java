package dev.inkan.bootstrap;

import dev.inkan.adapter.mail.MailSettings;
import dev.inkan.adapter.mail.SmtpSettings;
import dev.inkan.adapter.mail.SmtpTls;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@code INKAN_*} configuration says about mail: the SMTP server if {@code INKAN_SMTP_HOST}
 * names one, the sender ({@code INKAN_MAIL_FROM}), the service's public URL for the links
 * ({@code INKAN_PUBLIC_URL}) and the hourly limit per recipient. With an SMTP server the sender and
 * the public URL are required.
 *
 * @param smtp the server {@code INKAN_SMTP_HOST} names, if it names one
 * @param from {@code INKAN_MAIL_FROM}, checked to be one address
 * @param publicUrl {@code INKAN_PUBLIC_URL}, checked to be an absolute http(s) URL without query or fragment
 * @param perRecipientPerHour {@code INKAN_MAIL_PER_RECIPIENT_PER_HOUR}
 */
public record MailConfiguration(Optional<SmtpSettings> smtp, Optional<String> from, Optional<URI> publicUrl,
                                int perRecipientPerHour) {

    static final String SMTP_HOST = "INKAN_SMTP_HOST";
    static final String SMTP_PORT = "INKAN_SMTP_PORT";
    static final String SMTP_USERNAME = "INKAN_SMTP_USERNAME";
    static final String SMTP_PASSWORD = "INKAN_SMTP_PASSWORD";
    static final String SMTP_TLS = "INKAN_SMTP_TLS";
    static final String MAIL_FROM = "INKAN_MAIL_FROM";
    static final String PUBLIC_URL = "INKAN_PUBLIC_URL";
    static final String PER_RECIPIENT_PER_HOUR = "INKAN_MAIL_PER_RECIPIENT_PER_HOUR";

    /** No SMTP server, sender or public URL; the default hourly limit. */
    public static final MailConfiguration NONE = new MailConfiguration(Optional.empty(), Optional.empty(), Optional.empty(),
            MailSettings.DEFAULT_PER_RECIPIENT_PER_HOUR);

    public MailConfiguration {
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(publicUrl, "publicUrl");
        if (smtp.isPresent() && (from.isEmpty() || publicUrl.isEmpty())) {
            throw new IllegalArgumentException("an SMTP server needs a sender and the public URL");
        }
        if (perRecipientPerHour < 1) {
            throw new IllegalArgumentException("perRecipientPerHour must be at least 1");
        }
    }

    /** @throws ConfigException naming the first variable that is bad or missing */
    static MailConfiguration from(ConfigSource config) {
        Optional<URI> publicUrl = config.optional(PUBLIC_URL).map(text -> {
            try {
                return MailSettings.publicUrl(text);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(PUBLIC_URL + " " + e.getMessage());
            }
        });
        Optional<String> from = config.optional(MAIL_FROM).map(text -> {
            try {
                return MailSettings.address(text).toUnicodeString();
            } catch (IllegalArgumentException e) {
                throw new ConfigException(MAIL_FROM + " must be the address messages come from (no-reply@example.com or"
                        + " Example <no-reply@example.com>): " + e.getMessage());
            }
        });
        int perHour = config.integer(PER_RECIPIENT_PER_HOUR, MailSettings.DEFAULT_PER_RECIPIENT_PER_HOUR, 1, 1_000);
        Optional<String> host = config.optional(SMTP_HOST);
        if (host.isEmpty()) {
            for (String name : List.of(SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD, SMTP_TLS)) {
                if (config.optional(name).isPresent()) {
                    throw new ConfigException(name + " is set but " + SMTP_HOST + " is not: set the SMTP server's host too");
                }
            }
            return new MailConfiguration(Optional.empty(), from, publicUrl, perHour);
        }
        publicUrl.filter(url -> !"https".equalsIgnoreCase(url.getScheme()) && !SmtpSettings.isLoopback(url.getHost()))
                .ifPresent(url -> {
                    throw new ConfigException(PUBLIC_URL + " must be an https URL with " + SMTP_HOST
                            + " (http only on a loopback host): the links in mail carry one-time tokens");
                });
        return new MailConfiguration(Optional.of(smtp(config, host.get())),
                Optional.of(from.orElseThrow(() -> new ConfigException(MAIL_FROM + " is required with " + SMTP_HOST
                        + ": the address messages come from, such as no-reply@example.com"))),
                Optional.of(publicUrl.orElseThrow(() -> new ConfigException(PUBLIC_URL + " is required with " + SMTP_HOST
                        + ": the service's public URL (https://auth.example.com), from which every link in a message is"
                        + " made; links are never made from a request's Host header"))),
                perHour);
    }

    private static SmtpSettings smtp(ConfigSource config, String host) {
        SmtpTls tls = config.choice(SMTP_TLS, SmtpTls.STARTTLS, SmtpTls.class, SmtpTls::parse);
        int port = config.integer(SMTP_PORT, tls.defaultPort(), 1, 65535);
        Optional<String> username = config.optional(SMTP_USERNAME);
        Optional<String> password = config.optional(SMTP_PASSWORD);
        if (username.isPresent() != password.isPresent()) {
            throw new ConfigException(SMTP_USERNAME + " and " + SMTP_PASSWORD + " go together: set both or neither");
        }
        if (tls == SmtpTls.NONE && !SmtpSettings.isLoopback(host)) {
            throw new ConfigException(SMTP_TLS + "=none sends mail and the SMTP password in clear text, so it is allowed"
                    + " only when " + SMTP_HOST + " is a loopback address (localhost, 127.0.0.1, ::1), not '" + host
                    + "': use starttls or implicit");
        }
        try {
            return new SmtpSettings(host, port, tls, username, password);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(SMTP_HOST + ": " + e.getMessage());
        }
    }
}

package dev.inkan.adapter.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * What every message needs, however it travels: who it comes from, the service's public URL that
 * its links start with, and how many messages one recipient may get in an hour.
 *
 * @param from the sender, {@code no-reply@example.com} or {@code Example <no-reply@example.com>}
 * @param publicUrl the one public URL of the service: absolute, {@code http} or {@code https}, no query or fragment.
 *     Links are built from it alone, never from anything a request says
 * @param perRecipientPerHour at most this many messages to one address in any hour; the rest are dropped
 */
public record MailSettings(String from, URI publicUrl, int perRecipientPerHour) {

    /** Messages to one address in an hour, unless configured otherwise. */
    public static final int DEFAULT_PER_RECIPIENT_PER_HOUR = 5;
    /** The sender of messages that only go to the outbox folder, when none is configured. */
    public static final String LOCAL_FROM = "Inkan <inkan@localhost>";

    /** @throws IllegalArgumentException naming the value that is wrong */
    public MailSettings {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(publicUrl, "publicUrl");
        from = address(from).toUnicodeString();
        checkPublicUrl(publicUrl);
        if (perRecipientPerHour < 1) {
            throw new IllegalArgumentException("at least one message per recipient per hour must be allowed");
        }
    }

    /**
     * Parses a sender address strictly (RFC 822 syntax, one address, a domain after the {@code @}).
     *
     * @throws IllegalArgumentException saying why it is not one
     */
    public static InternetAddress address(String text) {
        Objects.requireNonNull(text, "text");
        InternetAddress[] parsed;
        try {
            parsed = InternetAddress.parse(text.strip(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("not an e-mail address: " + text.strip());
        }
        if (parsed.length != 1 || parsed[0].getAddress() == null || parsed[0].getAddress().indexOf('@') < 1
                || parsed[0].getAddress().endsWith("@")) {
            throw new IllegalArgumentException("not one e-mail address: " + text.strip());
        }
        try {
            // made anew so that a name beyond ASCII is encoded (RFC 2047) in the From header
            return new InternetAddress(parsed[0].getAddress(), parsed[0].getPersonal(), "UTF-8");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("the JVM has no UTF-8", e);
        }
    }

    /**
     * Parses the service's public URL.
     *
     * @throws IllegalArgumentException unless it is an absolute {@code http} or {@code https} URL with a host and
     *     without user info, query or fragment
     */
    public static URI publicUrl(String text) {
        Objects.requireNonNull(text, "text");
        URI url;
        try {
            url = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + text.strip());
        }
        checkPublicUrl(url);
        return url;
    }

    private static void checkPublicUrl(URI url) {
        if (url.getRawUserInfo() != null) {
            // said without the URL, whose user info may be a password
            throw new IllegalArgumentException("must have no user info (user:password@)");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || url.isOpaque() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("must be an absolute http or https URL such as https://auth.example.com,"
                    + " not " + url);
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalArgumentException("must have no query or fragment (the links add their own), not " + url);
        }
    }

    /** @return {@link #from} parsed */
    InternetAddress fromAddress() {
        return address(from);
    }

    /** @return the public URL without a trailing {@code /}, for paths to follow */
    String linkBase() {
        String url = publicUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}

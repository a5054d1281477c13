package dev.inkan.adapter.mail;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the SMTP server is and how to reach it.
 *
 * @param host the server's host name or IP address
 * @param port its port, 1 to 65535
 * @param tls how the connection is protected; {@link SmtpTls#NONE} only for a {@linkplain #isLoopback loopback} host
 * @param username the login, if the server wants one; given together with {@code password}
 * @param password the login's password; never shown by {@link #toString()}
 */
public record SmtpSettings(String host, int port, SmtpTls tls, Optional<String> username, Optional<String> password) {

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    /** @throws IllegalArgumentException when a value is missing or out of range, or plaintext is asked for a remote host */
    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        host = host.strip();
        if (host.isEmpty() || host.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("the SMTP host must be a host name or an IP address");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the SMTP port must be from 1 to 65535");
        }
        if (username.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("the SMTP username and password go together: give both or neither");
        }
        if (tls == SmtpTls.NONE && !isLoopback(host)) {
            throw new IllegalArgumentException("SMTP without TLS sends mail and the password in clear text: it is allowed only"
                    + " for a loopback host (localhost, 127.0.0.1, ::1), not " + host);
        }
    }

    /** Settings without a login. */
    public static SmtpSettings of(String host, int port, SmtpTls tls) {
        return new SmtpSettings(host, port, tls, Optional.empty(), Optional.empty());
    }

    /**
     * Whether {@code host} is this machine's loopback interface: {@code localhost} or an address
     * literal in 127.0.0.0/8 or {@code ::1}. Names are never looked up, so no resolver can make a
     * remote host pass.
     */
    public static boolean isLoopback(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.equals("localhost.")) {
            return true;
        }
        if (IPV4.matcher(name).matches()) {
            String[] octets = name.split("\\.");
            for (String octet : octets) {
                if (Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
            return Integer.parseInt(octets[0]) == 127;
        }
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (!name.contains(":") || !name.matches("[0-9a-f:]+")) {
            return false;
        }
        try {
            // an IPv6 literal: getByName parses it and asks no resolver (a malformed one fails without a lookup)
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", tls=" + tls + ", username=" + username.orElse("")
                + ", password=" + (password.isPresent() ? "****" : "") + "]";
    }
}

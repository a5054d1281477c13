package dev.inkan.adapter.web;

import java.util.Objects;

/**
 * Where the management listener serves {@code GET /metrics}: apart from the API, so that what the
 * metrics tell (how many tokens were refused, and why) reaches operators and not callers.
 *
 * @param host the address to listen on, loopback ({@value #LOOPBACK}) unless operators reach it from elsewhere
 * @param port the port, or 0 for any free one
 */
public record ManagementListener(String host, int port) {

    /** Where the management listener binds by default: reachable from this machine only. */
    public static final String LOOPBACK = "127.0.0.1";

    public ManagementListener {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the management host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the management port must be from 0 to 65535, not " + port);
        }
    }
}

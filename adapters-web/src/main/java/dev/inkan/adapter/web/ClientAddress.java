package dev.inkan.adapter.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who the client is, for the limits counted per client address. The TCP peer, unless the peer is
 * one of the {@link TrustedProxies}: then the right-most address of the {@code X-Forwarded-For} or
 * {@code Forwarded} chain that is not itself a trusted proxy. Each proxy appends the address it
 * received from, so the hops right of that one were added by proxies Inkan trusts, and everything
 * left of it is the client's to invent: a client that prepends a fake address stays itself.
 *
 * <p>From any other peer both headers are ignored. A chain that cannot be read as far as the client
 * (a malformed value, {@code unknown}, an obfuscated identifier) counts as the peer, and so do the
 * two headers together when they name different clients: a proxy sets one of them, so the other
 * may be the client's own.
 */
final class ClientAddress {

    private final TrustedProxies proxies;

    ClientAddress(TrustedProxies proxies) {
        this.proxies = Objects.requireNonNull(proxies, "proxies");
    }

    /** @return the client's address for this request, in canonical text */
    String of(Context ctx) {
        return resolve(ctx.ip(), lines(ctx, "X-Forwarded-For"), lines(ctx, "Forwarded"));
    }

    /**
     * @param peer the TCP peer's address
     * @param forwardedFor the {@code X-Forwarded-For} header lines, in order
     * @param forwarded the {@code Forwarded} header lines, in order
     * @return the client's address, in canonical text
     */
    String resolve(String peer, List<String> forwardedFor, List<String> forwarded) {
        Optional<InetAddress> peerAddress = IpLiteral.parse(unbracketed(peer));
        if (peerAddress.isEmpty()) {
            return peer;
        }
        if (!proxies.contains(peerAddress.get())) {
            return peerAddress.get().getHostAddress();
        }
        return forwardedClient(forwardedFor, forwarded).orElse(peerAddress.get()).getHostAddress();
    }

    private Optional<InetAddress> forwardedClient(List<String> forwardedFor, List<String> forwarded) {
        Optional<InetAddress> fromForwardedFor = forwardedFor.isEmpty() ? Optional.empty() : client(xForwardedForChain(forwardedFor));
        if (forwarded.isEmpty()) {
            return fromForwardedFor;
        }
        Optional<InetAddress> fromForwarded = ForwardedHeader.forChain(forwarded).flatMap(this::client);
        if (forwardedFor.isEmpty()) {
            return fromForwarded;
        }
        return fromForwardedFor.isPresent() && fromForwardedFor.equals(fromForwarded) ? fromForwardedFor : Optional.empty();
    }

    /**
     * The right-most hop that is not a trusted proxy (the left-most, when every hop is one); empty
     * when the walk meets a node that is not an address before it gets there.
     */
    private Optional<InetAddress> client(List<String> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = node(chain.get(i));
            if (hop.isEmpty() || i == 0 || !proxies.contains(hop.get())) {
                return hop;
            }
        }
        return Optional.empty();
    }

    private static List<String> xForwardedForChain(List<String> lines) {
        List<String> chain = new ArrayList<>();
        for (String line : lines) {
            for (String node : line.split(",", -1)) {
                chain.add(node.strip());
            }
        }
        return chain;
    }

    /** A node of either header: {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code 2001:db8::1}, {@code [2001:db8::1]:4711}. */
    static Optional<InetAddress> node(String text) {
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            String inside = close < 0 ? "" : text.substring(1, close);
            if (inside.indexOf(':') < 0 || !(close == text.length() - 1 || isPort(text.substring(close + 1)))) {
                return Optional.empty(); // brackets hold an IPv6 address, followed by nothing or a port
            }
            return IpLiteral.parse(inside);
        }
        int colon = text.indexOf(':');
        if (colon >= 0 && colon == text.lastIndexOf(':') && isPort(text.substring(colon))) {
            return IpLiteral.parse(text.substring(0, colon)); // IPv4 with a port; one colon is never IPv6
        }
        return IpLiteral.parse(text);
    }

    private static boolean isPort(String text) {
        return text.length() >= 2 && text.length() <= 6 && text.charAt(0) == ':'
                && text.chars().skip(1).allMatch(c -> c >= '0' && c <= '9');
    }

    private static String unbracketed(String address) {
        return address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
    }

    private static List<String> lines(Context ctx, String name) {
        var values = ctx.req().getHeaders(name);
        if (values == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String value : Collections.list(values)) {
            if (!value.isBlank()) {
                lines.add(value);
            }
        }
        return lines;
    }
}

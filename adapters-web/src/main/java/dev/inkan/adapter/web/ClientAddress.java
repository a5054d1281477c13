package dev.inkan.adapter.web;

import io.javalin.http.Context;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who the client is, for the limits counted per client address. The TCP peer, unless the peer is
 * one of the {@link TrustedProxies}: then the right-most address of the chain in the header those
 * proxies set ({@code X-Forwarded-For} or {@code Forwarded}, never the other) that is not itself a
 * trusted proxy. Each proxy appends the address it received from, so the hops right of that one
 * were added by proxies Inkan trusts, and everything left of it is the client's to invent: a client
 * that prepends a fake address stays itself.
 *
 * <p>From any other peer the headers are ignored. A chain that cannot be read as far as the client
 * (a malformed value, {@code unknown}, an obfuscated identifier) counts as the peer.
 */
final class ClientAddress {

    /** The network part of an IPv6 address that the limits count as one client: a /64. */
    private static final int IPV6_NETWORK_BYTES = 8;

    private final TrustedProxies proxies;

    ClientAddress(TrustedProxies proxies) {
        this.proxies = Objects.requireNonNull(proxies, "proxies");
    }

    /** @return the client's address for this request, in canonical text */
    String of(Context ctx) {
        return resolve(ctx.ip(), lines(ctx, "X-Forwarded-For"), lines(ctx, "Forwarded"));
    }

    /** @return whether the TCP peer of this request is one of the trusted proxies, whose forwarding headers count */
    boolean peerIsTrusted(Context ctx) {
        return IpLiteral.parse(unbracketed(ctx.ip())).map(proxies::contains).orElse(false);
    }

    /**
     * @return the client as the per-address limits count it: an IPv4 address, or the IPv6 /64 it
     *     belongs to, since one subscriber or one cloud host usually holds a whole /64 and could
     *     otherwise spread its attempts over 2^64 addresses
     */
    String limitKey(Context ctx) {
        return limitKey(of(ctx));
    }

    /** @see #limitKey(Context) */
    static String limitKey(String address) {
        Optional<InetAddress> parsed = IpLiteral.parse(address);
        if (parsed.isEmpty() || !(parsed.get() instanceof Inet6Address)) {
            return address;
        }
        byte[] network = parsed.get().getAddress();
        Arrays.fill(network, IPV6_NETWORK_BYTES, network.length, (byte) 0);
        return IpLiteral.of(network).getHostAddress() + "/" + IPV6_NETWORK_BYTES * Byte.SIZE;
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
        return switch (proxies.header()) {
            case X_FORWARDED_FOR -> forwardedFor.isEmpty() ? Optional.empty() : client(xForwardedForChain(forwardedFor));
            case FORWARDED -> forwarded.isEmpty() ? Optional.empty() : ForwardedHeader.forChain(forwarded).flatMap(this::client);
        };
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

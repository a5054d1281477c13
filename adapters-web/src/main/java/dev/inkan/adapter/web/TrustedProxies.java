package dev.inkan.adapter.web;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The proxies (load balancers, reverse proxies) whose forwarding header Inkan believes, as CIDR
 * blocks of IPv4 and IPv6 addresses, none by default, and which header that is: the one the proxies
 * set ({@code X-Forwarded-For} by default, or {@code Forwarded}). The other header is never read,
 * since a proxy that sets one passes the other through as the client sent it. A request from any
 * other peer has both ignored, since anyone can send them.
 */
public final class TrustedProxies {

    /** The header the trusted proxies set. */
    public enum Header {
        /** {@code X-Forwarded-For: client, proxy1, proxy2} (nginx, HAProxy, most cloud load balancers). */
        X_FORWARDED_FOR,
        /** {@code Forwarded: for=client, for=proxy1} (RFC 7239). */
        FORWARDED;

        /** @return the header's name in lower case, as configuration spells it */
        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private static final TrustedProxies NONE = new TrustedProxies(List.of(), Header.X_FORWARDED_FOR);

    private final List<Block> blocks;
    private final Header header;

    private TrustedProxies(List<Block> blocks, Header header) {
        this.blocks = List.copyOf(blocks);
        this.header = Objects.requireNonNull(header, "header");
    }

    /** @return these proxies, believed in {@code header} (and never in the other one) */
    public TrustedProxies reading(Header header) {
        return new TrustedProxies(blocks, header);
    }

    /** @return the header these proxies set */
    public Header header() {
        return header;
    }

    /** @return no trusted proxies: the TCP peer is always the client */
    public static TrustedProxies none() {
        return NONE;
    }

    /**
     * @param cidrs blocks such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}; a bare address is a block of one
     * @throws IllegalArgumentException naming the first entry that is not a CIDR block of an IP literal
     */
    public static TrustedProxies of(List<String> cidrs) {
        List<Block> blocks = new ArrayList<>();
        for (String cidr : cidrs) {
            blocks.add(Block.parse(Objects.requireNonNull(cidr, "cidr").strip()));
        }
        return blocks.isEmpty() ? NONE : new TrustedProxies(blocks, Header.X_FORWARDED_FOR);
    }

    /**
     * @param commaSeparated blocks separated by commas ({@code "10.0.0.0/8, 192.168.1.7"}); empty entries are skipped
     * @throws IllegalArgumentException naming the first entry that is not a CIDR block of an IP literal
     */
    public static TrustedProxies parse(String commaSeparated) {
        return of(Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(entry -> !entry.isEmpty()).toList());
    }

    /** @return whether no proxy is trusted */
    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** @return whether {@code address} is in one of the blocks */
    boolean contains(InetAddress address) {
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrustedProxies proxies && proxies.blocks.equals(blocks) && proxies.header == header;
    }

    @Override
    public int hashCode() {
        return blocks.hashCode() * 31 + header.hashCode();
    }

    /** @return the blocks in CIDR notation, comma-separated */
    @Override
    public String toString() {
        return blocks.stream().map(Block::toString).collect(Collectors.joining(","));
    }

    /** One CIDR block: the addresses whose first {@code prefixLength} bits are the network's. */
    private record Block(InetAddress network, int prefixLength) {

        static Block parse(String cidr) {
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            InetAddress network = IpLiteral.parse(address).orElseThrow(() -> new IllegalArgumentException(
                    "'" + cidr + "' is not an IP address or a CIDR block such as 10.0.0.0/8 or 2001:db8::/32"));
            int bits = network.getAddress().length * 8;
            // ::ffff:10.0.0.0/104 is read as the IPv4 block it maps, whose prefix counts from bit 96.
            int mapped = address.indexOf(':') >= 0 && bits == 32 ? 96 : 0;
            int prefix = slash < 0 ? bits : prefixLength(cidr, cidr.substring(slash + 1), mapped, bits + mapped) - mapped;
            byte[] start = network.getAddress();
            for (int bit = prefix; bit < bits; bit++) {
                start[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
            }
            if (!Arrays.equals(start, network.getAddress())) {
                throw new IllegalArgumentException("'" + cidr + "' has address bits set beyond its prefix; the block starts at "
                        + IpLiteral.of(start).getHostAddress() + "/" + (prefix + mapped));
            }
            return new Block(network, prefix);
        }

        private static int prefixLength(String cidr, String text, int min, int max) {
            boolean number = !text.isEmpty() && text.length() <= 3 && text.chars().allMatch(c -> c >= '0' && c <= '9');
            int prefix = number ? Integer.parseInt(text) : -1;
            if (prefix < min || prefix > max) {
                throw new IllegalArgumentException("'" + cidr + "' needs a prefix length from " + min + " to " + max + " after the /");
            }
            return prefix;
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            byte[] own = network.getAddress();
            if (candidate.length != own.length) {
                return false;
            }
            int whole = prefixLength / 8;
            for (int i = 0; i < whole; i++) {
                if (candidate[i] != own[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            int mask = (0xff00 >>> rest) & 0xff;
            return rest == 0 || (candidate[whole] & mask) == (own[whole] & mask);
        }

        @Override
        public String toString() {
            return network.getHostAddress() + "/" + prefixLength;
        }
    }
}

package dev.inkan.adapter.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Strict IP address literals: IPv4 as four decimal octets, IPv6 as RFC 4291 text (with {@code ::}
 * and an IPv4 tail). Never a host name, so parsing never looks anything up, and never the lenient
 * forms ({@code 010.1}, {@code 0x7f.1}) that would let two spellings of one address count apart.
 * An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) is the IPv4 address it maps.
 */
final class IpLiteral {

    private static final int MAX_LENGTH = 45;

    private IpLiteral() {
    }

    /** @return the address {@code text} spells, or empty when it is not exactly an IP literal */
    static Optional<InetAddress> parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        byte[] bytes = text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
        return bytes == null ? Optional.empty() : Optional.of(of(bytes));
    }

    /** @return the address of four or sixteen bytes, without any lookup; an IPv4-mapped one comes back as IPv4 */
    static InetAddress of(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + bytes.length, e);
        }
    }

    /** @return the four bytes, or null */
    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0') || !digits(part)) {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    /** @return the sixteen bytes, or null */
    private static byte[] ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = groups(gap < 0 ? text : text.substring(0, gap), gap < 0);
        int[] tail = gap < 0 ? new int[0] : groups(text.substring(gap + 2), true);
        if (head == null || tail == null) {
            return null;
        }
        int explicit = head.length + tail.length;
        if (gap < 0 ? explicit != 8 : explicit > 7) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < head.length; i++) {
            put(bytes, i, head[i]);
        }
        for (int i = 0; i < tail.length; i++) {
            put(bytes, 8 - tail.length + i, tail[i]);
        }
        return bytes;
    }

    /**
     * @param last whether these groups end the address, where an IPv4 tail may stand for two groups
     * @return the 16-bit groups of {@code text} ("" has none), or null
     */
    private static int[] groups(String text, boolean last) {
        if (text.isEmpty()) {
            return new int[0];
        }
        String[] parts = text.split(":", -1);
        boolean ipv4Tail = last && parts[parts.length - 1].indexOf('.') >= 0;
        int[] groups = new int[parts.length + (ipv4Tail ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (ipv4Tail && i == parts.length - 1) {
                byte[] v4 = ipv4(part);
                if (v4 == null) {
                    return null;
                }
                groups[i] = (v4[0] & 0xff) << 8 | (v4[1] & 0xff);
                groups[i + 1] = (v4[2] & 0xff) << 8 | (v4[3] & 0xff);
            } else {
                if (part.isEmpty() || part.length() > 4 || !hexDigits(part)) {
                    return null;
                }
                groups[i] = Integer.parseInt(part, 16);
            }
        }
        return groups;
    }

    private static void put(byte[] bytes, int group, int value) {
        bytes[2 * group] = (byte) (value >>> 8);
        bytes[2 * group + 1] = (byte) value;
    }

    private static boolean digits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static boolean hexDigits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
    }
}

package dev.inkan.token;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where public keys may travel: over https, or plain http on this machine's loopback host, for
 * development on one machine (RFC 8414 makes an issuer https). Anyone on the path of plain http
 * elsewhere could hand over a key of theirs. The server requires it of an issuer of public-key
 * tokens; inkan-verifier of every URL it fetches keys from.
 */
public final class PublicKeyUrls {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.[0-9]{1,3}){3}");

    private PublicKeyUrls() {
    }

    /** @return whether public keys may come from {@code uri}: https, or http on a {@linkplain #isLoopback loopback} host */
    public static boolean isTrusted(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || scheme.equals("http") && uri.getHost() != null && isLoopback(uri.getHost());
    }

    /** @return whether {@code host} (as a URI gives it) is this machine's loopback: {@code localhost}, 127.0.0.0/8, {@code [::1]} */
    public static boolean isLoopback(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.equals("localhost") || lower.equals("[::1]") || IPV4_LOOPBACK.matcher(lower).matches();
    }
}

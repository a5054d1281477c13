package dev.inkan.adapter.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the login page may send a browser back to: a path on the page's own origin (one {@code /},
 * never {@code //} or {@code /\}), or an absolute {@code http(s)} URL whose origin is one of the
 * allowed ones. Anything else (another origin, {@code javascript:}, user info, control characters,
 * spaces, backslashes, non-ASCII) is no place to go, so an open redirect cannot be made of it. The
 * page checks again before it follows one ({@code app.js}, {@code safeReturnTo}).
 */
final class ReturnTo {

    /** Longer targets are dropped: no honest page needs a longer address to come back to. */
    static final int MAX_LENGTH = 2048;

    private ReturnTo() {
    }

    /**
     * @param candidate a path or an absolute URL
     * @param origins the allowed origins, canonical ({@code https://app.example}, {@code http://localhost:8080})
     * @return the candidate, with its origin in canonical form, when a browser may go there
     */
    static Optional<String> check(String candidate, Collection<String> origins) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH
                || !candidate.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '\\')) {
            return Optional.empty();
        }
        if (candidate.startsWith("/")) {
            return candidate.startsWith("//") ? Optional.empty() : Optional.of(candidate);
        }
        int separator = candidate.indexOf("://");
        if (separator < 0) {
            return Optional.empty();
        }
        String rest = candidate.substring(separator + 3);
        int end = 0;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String pathAndQuery = rest.substring(end);
        return origin(candidate.substring(0, separator), rest.substring(0, end)).filter(origins::contains)
                .map(allowed -> allowed + pathAndQuery);
    }

    /**
     * @param scheme {@code http} or {@code https}, in any case
     * @param authority {@code host}, {@code host:port} or {@code [v6]:port}, without user info
     * @return the origin in the form browsers serialise it: lower case, no default port
     */
    static Optional<String> origin(String scheme, String authority) {
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        if (!lowerScheme.equals("http") && !lowerScheme.equals("https") || authority.isEmpty()
                || !authority.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return Optional.empty();
        }
        String host;
        String port;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0 || !authority.substring(1, close).matches("[0-9A-Fa-f:.]+")) {
                return Optional.empty();
            }
            host = authority.substring(0, close + 1);
            port = authority.substring(close + 1);
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? "" : authority.substring(colon);
            if (!host.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")) {
                return Optional.empty();
            }
        }
        if (!port.isEmpty() && !port.matches(":[0-9]{1,5}")) {
            return Optional.empty();
        }
        int number = port.isEmpty() ? -1 : Integer.parseInt(port.substring(1));
        if (number > 65535) {
            return Optional.empty();
        }
        boolean defaultPort = number < 0 || number == (lowerScheme.equals("http") ? 80 : 443);
        return Optional.of(lowerScheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + number));
    }

    /** @return the origin of an absolute {@code http(s)} URI */
    static Optional<String> originOf(URI uri) {
        return uri.getScheme() == null || uri.getRawAuthority() == null ? Optional.empty()
                : origin(uri.getScheme(), uri.getRawAuthority());
    }

    /**
     * Where a browser that must log in first should come back to, from what the gateway said of its
     * request: the whole URL when its origin is allowed, only the path when it is on the login
     * page's own origin, else nowhere (the page's default).
     *
     * @param uri the request target as the gateway forwarded it, path and query
     */
    static Optional<String> ofForwarded(Optional<String> proto, Optional<String> host, String uri,
                                        Collection<String> allowedOrigins, URI loginUrl) {
        if (proto.isEmpty() || host.isEmpty() || !uri.startsWith("/") || uri.startsWith("//")) {
            return Optional.empty();
        }
        Optional<String> absolute = check(proto.get() + "://" + host.get() + uri, allowedOrigins);
        if (absolute.isPresent()) {
            return absolute;
        }
        Optional<String> origin = origin(proto.get(), host.get());
        return origin.isPresent() && origin.equals(originOf(loginUrl)) ? check(uri, allowedOrigins) : Optional.empty();
    }

    /** @return {@code loginUrl} with {@code return_to} added to its query, when there is one */
    static String location(URI loginUrl, Optional<String> returnTo) {
        String base = loginUrl.toString();
        return returnTo.map(target -> base + (loginUrl.getRawQuery() == null ? "?" : "&") + "return_to="
                + URLEncoder.encode(target, StandardCharsets.UTF_8)).orElse(base);
    }
}

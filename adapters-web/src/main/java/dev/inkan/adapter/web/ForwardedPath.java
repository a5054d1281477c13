package dev.inkan.adapter.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The path of the request a gateway asks about, as the forward-auth rules judge it: percent-decoded
 * once, split into segments, each segment's path parameters ({@code ;jsessionid=…}) dropped, since
 * servlet containers route without them. It is judged in two views, and a request must satisfy the
 * rules of both: as sent (a {@code ..} is a segment like any other) and normalised (empty and
 * {@code .} segments dropped, {@code ..} removing the one before it). An upstream that resolves dot
 * segments sees the second view, one that does not sees the first; so neither {@code /public/../admin}
 * nor {@code /admin/../public} passes with only what {@code /public/} asks.
 *
 * <p>A path that does not normalise cleanly has no views and is refused: not starting with
 * {@code /}, a bad escape, bytes that are not UTF-8, control characters, a backslash (some servers
 * read it as {@code /}), an escape left after decoding ({@code %252e}, double encoding), or a
 * {@code ..} that climbs above the root.
 */
final class ForwardedPath {

    /** Longer paths are refused; nginx's default line buffer is 8 KiB. */
    static final int MAX_LENGTH = 8 * 1024;

    private final List<String> asSent;
    private final List<String> normalised;

    private ForwardedPath(List<String> asSent, List<String> normalised) {
        this.asSent = List.copyOf(asSent);
        this.normalised = List.copyOf(normalised);
    }

    /**
     * @param uri a request target: a path with an optional query ({@code /a/b?c=d}), or the
     *     absolute form a client may put in its request line ({@code http://host/a/b})
     * @return the path's two views, or empty when it does not normalise cleanly
     */
    static Optional<ForwardedPath> parse(String uri) {
        if (uri == null || uri.isEmpty() || uri.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String path = withoutQuery(withoutSchemeAndAuthority(uri));
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        Optional<String> decoded = decode(path);
        if (decoded.isEmpty()) {
            return Optional.empty();
        }
        List<String> asSent = new ArrayList<>();
        for (String segment : decoded.get().substring(1).split("/", -1)) {
            int parameters = segment.indexOf(';');
            asSent.add(parameters < 0 ? segment : segment.substring(0, parameters));
        }
        List<String> normalised = new ArrayList<>();
        for (String segment : asSent) {
            if (segment.equals("..")) {
                if (normalised.isEmpty()) {
                    return Optional.empty();
                }
                normalised.remove(normalised.size() - 1);
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                normalised.add(segment);
            }
        }
        return Optional.of(new ForwardedPath(asSent, normalised));
    }

    /** @return the segments as sent, decoded, without path parameters; an empty segment for each doubled slash */
    List<String> asSent() {
        return asSent;
    }

    /** @return the segments with dot segments resolved and empty ones dropped */
    List<String> normalised() {
        return normalised;
    }

    private static String withoutSchemeAndAuthority(String uri) {
        for (String scheme : new String[] {"http://", "https://"}) {
            if (uri.regionMatches(true, 0, scheme, 0, scheme.length())) {
                int slash = uri.indexOf('/', scheme.length());
                return slash < 0 ? "/" : uri.substring(slash);
            }
        }
        return uri;
    }

    private static String withoutQuery(String uri) {
        int end = uri.length();
        for (char mark : new char[] {'?', '#'}) {
            int at = uri.indexOf(mark);
            end = at >= 0 ? Math.min(end, at) : end;
        }
        return uri.substring(0, end);
    }

    private static Optional<String> decode(String path) {
        if (path.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '%' && c != '\\')) {
            return Optional.of(path); // nothing to decode: what browsers send
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                int high = i + 2 < path.length() ? hex(path.charAt(i + 1)) : -1;
                int low = high >= 0 ? hex(path.charAt(i + 2)) : -1;
                if (low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x20 && c < 0x7f) {
                bytes.write(c);
            } else {
                return Optional.empty(); // a raw space, control character or non-ASCII character
            }
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == '%' && isEscape(decoded, i)) {
                return Optional.empty();
            }
        }
        return Optional.of(decoded);
    }

    private static boolean isEscape(String text, int percent) {
        return percent + 2 < text.length() && hex(text.charAt(percent + 1)) >= 0 && hex(text.charAt(percent + 2)) >= 0;
    }

    /** An ASCII hex digit's value, or -1: {@code Character.digit} would also read other scripts' digits. */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }
}

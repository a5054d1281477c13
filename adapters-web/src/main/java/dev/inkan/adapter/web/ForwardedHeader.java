package dev.inkan.adapter.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code for=} chain of RFC 7239 {@code Forwarded} headers: one node per element, in the order
 * the proxies appended them. Quoted values ({@code for="[2001:db8::17]:4711"}) are unquoted; an
 * element without {@code for=} is an empty node. Text that is not RFC 7239 syntax has no chain.
 */
final class ForwardedHeader {

    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private ForwardedHeader() {
    }

    /** @return the nodes of every header line in order, or empty when any line is malformed */
    static Optional<List<String>> forChain(List<String> lines) {
        List<String> chain = new ArrayList<>();
        for (String line : lines) {
            if (!appendNodes(line, chain)) {
                return Optional.empty();
            }
        }
        return Optional.of(chain);
    }

    /** Appends each element's {@code for=} value; false when {@code text} is not RFC 7239 syntax. */
    private static boolean appendNodes(String text, List<String> chain) {
        int i = 0;
        String node = "";
        boolean element = false;
        boolean sawFor = false;
        while (true) {
            i = skipSpaces(text, i);
            if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != ';') {
                int nameEnd = tokenEnd(text, i);
                if (nameEnd == i || nameEnd >= text.length() || text.charAt(nameEnd) != '=') {
                    return false;
                }
                String name = text.substring(i, nameEnd);
                StringBuilder value = new StringBuilder();
                i = value(text, nameEnd + 1, value);
                if (i < 0) {
                    return false;
                }
                if (name.equalsIgnoreCase("for")) {
                    if (sawFor) {
                        return false; // RFC 7239 4: a parameter at most once per element
                    }
                    sawFor = true;
                    node = value.toString();
                }
                element = true;
                i = skipSpaces(text, i);
            }
            if (i >= text.length() || text.charAt(i) == ',') {
                if (element) { // empty list elements (", ,") are allowed and mean nothing
                    chain.add(node);
                }
                if (i >= text.length()) {
                    return true;
                }
                node = "";
                element = false;
                sawFor = false;
            } else if (text.charAt(i) != ';') {
                return false;
            }
            i++;
        }
    }

    /** Reads a token or a quoted string from {@code start} into {@code value}; @return the index after it, or -1 */
    private static int value(String text, int start, StringBuilder value) {
        if (start < text.length() && text.charAt(start) == '"') {
            int i = start + 1;
            while (i < text.length()) {
                char c = text.charAt(i++);
                if (c == '"') {
                    return i;
                }
                if (c == '\\') {
                    if (i >= text.length()) {
                        return -1;
                    }
                    c = text.charAt(i++);
                }
                value.append(c);
            }
            return -1;
        }
        int end = tokenEnd(text, start);
        value.append(text, start, end);
        return end == start ? -1 : end;
    }

    private static int tokenEnd(String text, int start) {
        int i = start;
        while (i < text.length() && isTokenChar(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isTokenChar(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || TOKEN_SYMBOLS.indexOf(c) >= 0;
    }

    private static int skipSpaces(String text, int i) {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}

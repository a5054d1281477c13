package dev.inkan.bootstrap;

import dev.inkan.token.PublicKeyUrls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The URLs of the configuration that say where Inkan is: {@code INKAN_PUBLIC_URL}, an absolute http(s)
 * URL without query or fragment; and an issuer that resource servers discover keys by, which RFC 8414
 * makes https, to which Inkan adds http on a loopback host, for development on one machine.
 */
final class IssuerUrl {

    private IssuerUrl() {
    }

    /** @return why {@code text} is not an absolute http or https URL with a host and without user, query or fragment; empty if it is */
    static Optional<String> problemAsUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return Optional.of("it is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("it is not an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("it has no host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("it names a user");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("it has a query or a fragment");
        }
        return Optional.empty();
    }

    /** @return why {@code text} cannot be the issuer of tokens that resource servers verify with published keys; empty if it can */
    static Optional<String> problemAsIssuer(String text) {
        Optional<String> problem = problemAsUrl(text);
        if (problem.isPresent()) {
            return problem;
        }
        if (!PublicKeyUrls.isTrusted(URI.create(text))) {
            return Optional.of("http is only for a loopback host (localhost, 127.0.0.1, [::1]); elsewhere the issuer is https");
        }
        return Optional.empty();
    }
}

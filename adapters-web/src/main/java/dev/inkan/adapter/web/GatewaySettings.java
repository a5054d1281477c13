package dev.inkan.adapter.web;

import dev.inkan.application.port.in.IssueGatewayTokenUseCase;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Typed settings for Inkan behind a gateway (nginx {@code auth_request}, Traefik ForwardAuth, Envoy
 * {@code ext_authz}): what forward-auth asks of each path, the identity headers it answers with,
 * where a browser without a good token logs in, which origins it may be sent back to afterwards, and
 * the domain that the browser cookies are shared with, if they are.
 *
 * @param rules what {@code /auth/verify} and {@code /auth/forward} ask, by the forwarded path
 * @param headers the identity headers of their 200 answers
 * @param loginUrl where {@code /auth/forward} sends a browser without a good token; without one it
 *     answers browsers 401 like every other client
 * @param redirectOrigins origins ({@code https://app.example}) that a browser may be sent back to
 *     after login, and that may send cookie-authenticated unsafe requests through the gateway
 * @param cookieDomain the domain the access and CSRF cookies are set for ({@code __Secure-} names
 *     with {@code Domain=}), so that one login covers its subdomains; empty for host-only
 *     {@code __Host-} cookies
 * @param gatewayTokenLifetime how long the gateway tokens of rules with an audience live: more than
 *     0 and at most {@link IssueGatewayTokenUseCase#MAX_LIFETIME}
 */
public record GatewaySettings(ForwardAuthRules rules, IdentityHeaders headers, Optional<URI> loginUrl,
                              List<String> redirectOrigins, Optional<String> cookieDomain, Duration gatewayTokenLifetime) {

    /** Long enough for a slow upstream to check it, short enough that a copy of it is soon worthless. */
    public static final Duration DEFAULT_GATEWAY_TOKEN_LIFETIME = Duration.ofSeconds(30);
    private static final GatewaySettings DEFAULTS = new GatewaySettings(ForwardAuthRules.none(), IdentityHeaders.defaults(),
            Optional.empty(), List.of(), Optional.empty());

    /** @throws IllegalArgumentException when a URL, an origin, the domain or the lifetime is not one */
    public GatewaySettings {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(loginUrl, "loginUrl");
        redirectOrigins = List.copyOf(redirectOrigins);
        Objects.requireNonNull(cookieDomain, "cookieDomain");
        loginUrl.ifPresent(GatewaySettings::checkLoginUrl);
        for (String origin : redirectOrigins) {
            String[] parts = origin.split("://", 2);
            Optional<String> canonical = parts.length == 2 ? ReturnTo.origin(parts[0], parts[1]) : Optional.empty();
            if (canonical.isEmpty()) {
                throw new IllegalArgumentException("an origin is scheme://host[:port], such as https://app.example, not '"
                        + origin + "'");
            }
            if (!canonical.get().equals(origin)) {
                throw new IllegalArgumentException("write the origin '" + origin + "' as browsers do: " + canonical.get());
            }
        }
        cookieDomain.ifPresent(GatewaySettings::checkDomain);
        if (gatewayTokenLifetime.isNegative() || gatewayTokenLifetime.isZero()
                || gatewayTokenLifetime.compareTo(IssueGatewayTokenUseCase.MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("a gateway token lives at least a second and at most "
                    + IssueGatewayTokenUseCase.MAX_LIFETIME + ", not " + gatewayTokenLifetime);
        }
    }

    /** The settings with gateway tokens that live {@link #DEFAULT_GATEWAY_TOKEN_LIFETIME}. */
    public GatewaySettings(ForwardAuthRules rules, IdentityHeaders headers, Optional<URI> loginUrl, List<String> redirectOrigins,
                           Optional<String> cookieDomain) {
        this(rules, headers, loginUrl, redirectOrigins, cookieDomain, DEFAULT_GATEWAY_TOKEN_LIFETIME);
    }

    /** @return no rules ({@code authenticated} everywhere), the default headers, no login URL, no origins, host-only cookies */
    public static GatewaySettings defaults() {
        return DEFAULTS;
    }

    private static void checkLoginUrl(URI url) {
        if (!url.isAbsolute() || ReturnTo.originOf(url).isEmpty() || url.getRawFragment() != null
                || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the login URL is an absolute http(s) URL without user info or fragment, not '"
                    + url + "'");
        }
    }

    private static void checkDomain(String domain) {
        if (domain.startsWith(".")) {
            throw new IllegalArgumentException("write the cookie domain without its leading dot: '" + domain.substring(1) + "'");
        }
        boolean name = domain.length() <= 253
                && domain.matches("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
        if (!name || domain.matches("[0-9.]+")) {
            throw new IllegalArgumentException("the cookie domain is a host name in lower case, such as example.com, not '"
                    + domain + "'");
        }
    }

    /** @return these settings with gateway tokens that live {@code lifetime} */
    public GatewaySettings withGatewayTokenLifetime(Duration lifetime) {
        return new GatewaySettings(rules, headers, loginUrl, redirectOrigins, cookieDomain, lifetime);
    }

    /** @return these settings with {@code rules} */
    public GatewaySettings withRules(ForwardAuthRules rules) {
        return new GatewaySettings(rules, headers, loginUrl, redirectOrigins, cookieDomain, gatewayTokenLifetime);
    }

    /** @return these settings with {@code headers} */
    public GatewaySettings withHeaders(IdentityHeaders headers) {
        return new GatewaySettings(rules, headers, loginUrl, redirectOrigins, cookieDomain, gatewayTokenLifetime);
    }

    /** @return these settings with browsers sent to {@code loginUrl} */
    public GatewaySettings withLoginUrl(URI loginUrl) {
        return new GatewaySettings(rules, headers, Optional.of(loginUrl), redirectOrigins, cookieDomain, gatewayTokenLifetime);
    }

    /** @return these settings with {@code origins} allowed */
    public GatewaySettings withRedirectOrigins(List<String> origins) {
        return new GatewaySettings(rules, headers, loginUrl, origins, cookieDomain, gatewayTokenLifetime);
    }

    /** @return these settings with the cookies shared with {@code domain} */
    public GatewaySettings withCookieDomain(String domain) {
        return new GatewaySettings(rules, headers, loginUrl, redirectOrigins, Optional.of(domain), gatewayTokenLifetime);
    }
}

package dev.inkan.adapter.web;

import java.util.List;
import java.util.Objects;

/**
 * Typed settings of the HTTP edge: how tokens travel, which browser origins may call with
 * credentials, the abuse limits, and which proxies may say who the client is.
 */
public record WebSettings(TokenTransport transport, List<String> corsOrigins, RateLimitSettings rateLimits,
                          TrustedProxies trustedProxies) {

    public WebSettings {
        Objects.requireNonNull(transport, "transport");
        corsOrigins = List.copyOf(corsOrigins);
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        for (String origin : corsOrigins) {
            if (!origin.matches("https?://[^/\\s]+") ) {
                throw new IllegalArgumentException("a CORS origin is scheme://host[:port], not '" + origin + "'");
            }
        }
    }

    /** The same settings with no trusted proxies: the TCP peer is always the client. */
    public WebSettings(TokenTransport transport, List<String> corsOrigins, RateLimitSettings rateLimits) {
        this(transport, corsOrigins, rateLimits, TrustedProxies.none());
    }

    /** Both transports, no CORS, the default limits, no trusted proxies. */
    public static WebSettings defaults() {
        return new WebSettings(TokenTransport.BOTH, List.of(), RateLimitSettings.defaults(), TrustedProxies.none());
    }

    /** @return these settings, with the client address taken from {@code proxies}' forwarding headers */
    public WebSettings withTrustedProxies(TrustedProxies proxies) {
        return new WebSettings(transport, corsOrigins, rateLimits, proxies);
    }
}

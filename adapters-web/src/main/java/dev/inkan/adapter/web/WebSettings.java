package dev.inkan.adapter.web;

import java.util.List;
import java.util.Objects;

/**
 * Typed settings of the HTTP edge: how tokens travel, which browser origins may call with
 * credentials, and the abuse limits.
 */
public record WebSettings(TokenTransport transport, List<String> corsOrigins, RateLimitSettings rateLimits) {

    public WebSettings {
        Objects.requireNonNull(transport, "transport");
        corsOrigins = List.copyOf(corsOrigins);
        Objects.requireNonNull(rateLimits, "rateLimits");
        for (String origin : corsOrigins) {
            if (!origin.matches("https?://[^/\\s]+") ) {
                throw new IllegalArgumentException("a CORS origin is scheme://host[:port], not '" + origin + "'");
            }
        }
    }

    /** Both transports, no CORS, the default limits. */
    public static WebSettings defaults() {
        return new WebSettings(TokenTransport.BOTH, List.of(), RateLimitSettings.defaults());
    }
}

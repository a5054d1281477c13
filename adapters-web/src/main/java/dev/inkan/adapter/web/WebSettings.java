package dev.inkan.adapter.web;

import java.util.List;
import java.util.Objects;

/**
 * Typed settings of the HTTP edge: how tokens travel, which browser origins may call with
 * credentials, the abuse limits, which proxies may say who the client is, how many logins and
 * registrations the standalone server works on at once (the password hasher's capacity: more would
 * only be turned away by it; they wait instead, without a thread, and token checks pass them by),
 * how Inkan answers a gateway's forward-auth, and who may follow the revocation feed.
 */
public record WebSettings(TokenTransport transport, List<String> corsOrigins, RateLimitSettings rateLimits,
                          TrustedProxies trustedProxies, int passwordRequestsAtOnce, GatewaySettings gateway,
                          RevocationFeedSettings revocationFeed) {

    /** One hash running and eight waiting per core, as the password hasher has by default. */
    public static final int DEFAULT_PASSWORD_REQUESTS_AT_ONCE = 9 * Runtime.getRuntime().availableProcessors();

    public WebSettings {
        Objects.requireNonNull(transport, "transport");
        corsOrigins = List.copyOf(corsOrigins);
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(revocationFeed, "revocationFeed");
        if (passwordRequestsAtOnce < 1) {
            throw new IllegalArgumentException("at least one login must be able to run");
        }
        for (String origin : corsOrigins) {
            if (!origin.matches("https?://[^/\\s]+") ) {
                throw new IllegalArgumentException("a CORS origin is scheme://host[:port], not '" + origin + "'");
            }
        }
    }

    /** The same settings with the default revocation feed settings (no feed token). */
    public WebSettings(TokenTransport transport, List<String> corsOrigins, RateLimitSettings rateLimits,
                       TrustedProxies trustedProxies, int passwordRequestsAtOnce, GatewaySettings gateway) {
        this(transport, corsOrigins, rateLimits, trustedProxies, passwordRequestsAtOnce, gateway, RevocationFeedSettings.defaults());
    }

    /** The same settings with the default gateway settings. */
    public WebSettings(TokenTransport transport, List<String> corsOrigins, RateLimitSettings rateLimits,
                       TrustedProxies trustedProxies, int passwordRequestsAtOnce) {
        this(transport, corsOrigins, rateLimits, trustedProxies, passwordRequestsAtOnce, GatewaySettings.defaults());
    }

    /** The same settings with no trusted proxies (the TCP peer is always the client) and the default password work. */
    public WebSettings(TokenTransport transport, List<String> corsOrigins, RateLimitSettings rateLimits) {
        this(transport, corsOrigins, rateLimits, TrustedProxies.none(), DEFAULT_PASSWORD_REQUESTS_AT_ONCE);
    }

    /** Both transports, no CORS, the default limits, no trusted proxies. */
    public static WebSettings defaults() {
        return new WebSettings(TokenTransport.BOTH, List.of(), RateLimitSettings.defaults());
    }

    /** @return these settings, with the client address taken from {@code proxies}' forwarding headers */
    public WebSettings withTrustedProxies(TrustedProxies proxies) {
        return new WebSettings(transport, corsOrigins, rateLimits, proxies, passwordRequestsAtOnce, gateway, revocationFeed);
    }

    /** @return these settings, with {@code gateway}'s forward-auth, login redirect and cookie domain */
    public WebSettings withGateway(GatewaySettings gateway) {
        return new WebSettings(transport, corsOrigins, rateLimits, trustedProxies, passwordRequestsAtOnce, gateway, revocationFeed);
    }

    /** @return these settings, with {@code revocationFeed}'s feed tokens, heartbeat and limit of streams */
    public WebSettings withRevocationFeed(RevocationFeedSettings revocationFeed) {
        return new WebSettings(transport, corsOrigins, rateLimits, trustedProxies, passwordRequestsAtOnce, gateway, revocationFeed);
    }
}

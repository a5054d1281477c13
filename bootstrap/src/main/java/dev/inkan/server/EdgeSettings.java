package dev.inkan.server;

import dev.inkan.adapter.web.GatewaySettings;
import dev.inkan.adapter.web.RateLimitSettings;
import dev.inkan.adapter.web.RevocationFeedSettings;
import dev.inkan.adapter.web.TokenTransport;
import dev.inkan.adapter.web.TrustedProxies;
import dev.inkan.adapter.web.WebSettings;
import dev.inkan.bootstrap.ConfigException;
import dev.inkan.bootstrap.ConfigSource;
import dev.inkan.bootstrap.CryptoSettings;
import dev.inkan.bootstrap.TokenSettings;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the HTTP edge's settings: token transport, CORS origins, abuse limits, trusted proxies, password work, the
 * gateway's and the revocation feed's.
 */
final class EdgeSettings {

    private EdgeSettings() {
    }

    /**
     * @param crypto the password hasher's settings: the server works on as many logins at once as it takes
     * @param publicUrl {@code INKAN_PUBLIC_URL}, as the library read it: its page is the default login URL
     */
    static WebSettings from(ConfigSource config, CryptoSettings crypto, TokenSettings tokens, Optional<URI> publicUrl) {
        TokenTransport transport = config.choice("INKAN_TOKEN_TRANSPORT", TokenTransport.BOTH, TokenTransport.class,
                TokenTransport::parse);
        List<String> origins = config.optional("INKAN_CORS_ORIGINS")
                .map(text -> Arrays.stream(text.split(",")).map(String::strip).filter(origin -> !origin.isEmpty()).toList())
                .orElse(List.of());
        RateLimitSettings defaults = RateLimitSettings.defaults();
        RateLimitSettings limits = new RateLimitSettings(
                config.bool("INKAN_RATE_LIMIT_ENABLED", defaults.enabled()),
                positive(config, "INKAN_RATE_LIMIT_WINDOW", defaults.window()),
                config.integer("INKAN_RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT", defaults.loginFailuresPerAccount(), 1, 1_000_000),
                config.integer("INKAN_RATE_LIMIT_LOGINS_PER_ADDRESS", defaults.loginsPerAddress(), 1, 1_000_000),
                config.integer("INKAN_RATE_LIMIT_REFRESHES_PER_ADDRESS", defaults.refreshesPerAddress(), 1, 1_000_000),
                config.integer("INKAN_RATE_LIMIT_REGISTRATIONS_PER_ADDRESS", defaults.registrationsPerAddress(), 1, 1_000_000),
                config.integer("INKAN_RATE_LIMIT_MAIL_REQUESTS_PER_ADDRESS", defaults.mailRequestsPerAddress(), 1, 1_000_000),
                config.integer("INKAN_RATE_LIMIT_MAIL_REQUESTS_PER_EMAIL", defaults.mailRequestsPerEmail(), 1, 1_000_000));
        TrustedProxies proxies;
        try {
            proxies = config.optional("INKAN_TRUSTED_PROXIES").map(TrustedProxies::parse).orElse(TrustedProxies.none())
                    .reading(config.choice("INKAN_FORWARDED_HEADER", TrustedProxies.Header.X_FORWARDED_FOR,
                            TrustedProxies.Header.class, EdgeSettings::forwardedHeader));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("INKAN_TRUSTED_PROXIES: " + e.getMessage());
        }
        GatewaySettings gateway = GatewayConfig.from(config, tokens, publicUrl);
        RevocationFeedSettings revocationFeed = RevocationFeedConfig.from(config);
        try {
            return new WebSettings(transport, origins, limits, proxies, crypto.hashConcurrency() + crypto.hashQueue(), gateway,
                    revocationFeed);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("INKAN_CORS_ORIGINS: " + e.getMessage());
        }
    }

    private static TrustedProxies.Header forwardedHeader(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "x-forwarded-for" -> TrustedProxies.Header.X_FORWARDED_FOR;
            case "forwarded" -> TrustedProxies.Header.FORWARDED;
            default -> throw new IllegalArgumentException();
        };
    }

    private static java.time.Duration positive(ConfigSource config, String name, java.time.Duration fallback) {
        java.time.Duration value = config.duration(name, fallback);
        if (value.isNegative() || value.isZero()) {
            throw new ConfigException(name + " must be a positive duration, not '" + value + "'");
        }
        return value;
    }
}

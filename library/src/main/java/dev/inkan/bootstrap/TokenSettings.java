package dev.inkan.bootstrap;

import dev.inkan.domain.JwsAlgorithm;
import dev.inkan.domain.TokenPolicy;
import dev.inkan.application.service.RefreshTokensService;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Typed token configuration: the JWS algorithm and the policy (issuer, audience, lifetimes, leeway). */
public record TokenSettings(JwsAlgorithm algorithm, TokenPolicy policy, Duration refreshReuseGrace,
                            Optional<byte[]> successorSecret) {

    public TokenSettings {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(refreshReuseGrace, "refreshReuseGrace");
        Objects.requireNonNull(successorSecret, "successorSecret");
    }

    static TokenSettings from(ConfigSource config) {
        JwsAlgorithm algorithm = config.choice("INKAN_JWT_ALG", JwsAlgorithm.HS256, JwsAlgorithm.class,
                text -> JwsAlgorithm.fromJwsName(text.toUpperCase(java.util.Locale.ROOT)).orElseThrow(IllegalArgumentException::new));
        String issuer = config.string("INKAN_ISSUER", "inkan");
        String audience = config.string("INKAN_AUDIENCE", "inkan");
        var accessTtl = config.duration("INKAN_ACCESS_TTL", TokenPolicy.DEFAULT_ACCESS_TTL);
        var refreshTtl = config.duration("INKAN_REFRESH_TTL", TokenPolicy.DEFAULT_REFRESH_TTL);
        var leeway = config.duration("INKAN_LEEWAY", TokenPolicy.DEFAULT_LEEWAY);
        var sessionMaxLifetime = config.duration("INKAN_SESSION_MAX_LIFETIME", TokenPolicy.DEFAULT_SESSION_MAX_LIFETIME);
        TokenPolicy policy;
        try {
            policy = new TokenPolicy(issuer, audience, accessTtl, refreshTtl, leeway, sessionMaxLifetime);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("token settings (INKAN_ISSUER, INKAN_AUDIENCE, INKAN_ACCESS_TTL, "
                    + "INKAN_REFRESH_TTL, INKAN_LEEWAY, INKAN_SESSION_MAX_LIFETIME): " + e.getMessage());
        }
        if (refreshTtl.compareTo(accessTtl) < 0) {
            throw new ConfigException("INKAN_REFRESH_TTL must not be shorter than INKAN_ACCESS_TTL");
        }
        if (sessionMaxLifetime.compareTo(accessTtl) < 0) {
            throw new ConfigException("INKAN_SESSION_MAX_LIFETIME must not be shorter than INKAN_ACCESS_TTL");
        }
        Duration grace = config.duration("INKAN_REFRESH_REUSE_GRACE", RefreshTokensService.DEFAULT_REUSE_GRACE);
        if (grace.isNegative() || grace.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new ConfigException("INKAN_REFRESH_REUSE_GRACE must be from PT0S (off) to PT5M, not '" + grace + "'");
        }
        return new TokenSettings(algorithm, policy, grace, KeyRingLoader.successorSecret(config));
    }
}

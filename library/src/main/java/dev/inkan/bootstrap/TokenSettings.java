package dev.inkan.bootstrap;

import dev.inkan.application.service.RefreshTokensService;
import dev.inkan.domain.TokenPolicy;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.TokenRules;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Typed token configuration: the JWS algorithm, the rules a token must meet (issuer, audience,
 * leeway), the lifetimes, the reuse grace and the successor secret.
 */
public record TokenSettings(JwsAlgorithm algorithm, TokenRules rules, TokenPolicy policy, Duration refreshReuseGrace,
                            Optional<byte[]> successorSecret) {

    static final String DEFAULT_ISSUER = "inkan";
    static final String DEFAULT_AUDIENCE = "inkan";
    static final Duration DEFAULT_LEEWAY = Duration.ofSeconds(30);

    public TokenSettings {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(refreshReuseGrace, "refreshReuseGrace");
        Objects.requireNonNull(successorSecret, "successorSecret");
    }

    static TokenSettings from(ConfigSource config) {
        JwsAlgorithm algorithm = config.choice("INKAN_JWT_ALG", JwsAlgorithm.HS256, JwsAlgorithm.class,
                text -> JwsAlgorithm.fromJwsName(text.toUpperCase(Locale.ROOT)).orElseThrow(IllegalArgumentException::new));
        String issuer = config.string("INKAN_ISSUER", DEFAULT_ISSUER);
        String audience = config.string("INKAN_AUDIENCE", DEFAULT_AUDIENCE);
        Duration leeway = config.duration("INKAN_LEEWAY", DEFAULT_LEEWAY);
        Duration accessTtl = config.duration("INKAN_ACCESS_TTL", TokenPolicy.DEFAULT_ACCESS_TTL);
        Duration refreshTtl = config.duration("INKAN_REFRESH_TTL", TokenPolicy.DEFAULT_REFRESH_TTL);
        Duration sessionMaxLifetime = config.duration("INKAN_SESSION_MAX_LIFETIME", TokenPolicy.DEFAULT_SESSION_MAX_LIFETIME);
        TokenRules rules;
        TokenPolicy policy;
        try {
            rules = new TokenRules(issuer, audience, leeway);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("INKAN_ISSUER, INKAN_AUDIENCE, INKAN_LEEWAY: " + e.getMessage());
        }
        try {
            policy = new TokenPolicy(accessTtl, refreshTtl, sessionMaxLifetime);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("INKAN_ACCESS_TTL, INKAN_REFRESH_TTL, INKAN_SESSION_MAX_LIFETIME: " + e.getMessage());
        }
        Duration grace = config.duration("INKAN_REFRESH_REUSE_GRACE", RefreshTokensService.DEFAULT_REUSE_GRACE);
        if (grace.isNegative() || grace.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new ConfigException("INKAN_REFRESH_REUSE_GRACE must be from PT0S (off) to PT5M, not '" + grace + "'");
        }
        return new TokenSettings(algorithm, rules, policy, grace, KeyRingLoader.successorSecret(config));
    }
}

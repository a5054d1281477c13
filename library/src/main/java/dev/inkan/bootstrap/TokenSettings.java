package dev.inkan.bootstrap;

import dev.inkan.application.service.RefreshTokensService;
import dev.inkan.domain.TokenPolicy;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.TokenRules;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Typed token configuration: the JWS algorithm, the rules a token must meet (issuer, audience,
 * leeway), the lifetimes, the reuse grace and the successor secret.
 */
public record TokenSettings(JwsAlgorithm algorithm, TokenRules rules, TokenPolicy policy, Duration refreshReuseGrace,
                            Optional<byte[]> successorSecret) {

    static final String DEFAULT_ISSUER = "inkan";
    static final String ISSUER = "INKAN_ISSUER";
    /** Where Inkan is reached from outside; the default issuer when it is set. */
    static final String PUBLIC_URL = "INKAN_PUBLIC_URL";
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
        JwsAlgorithm algorithm = config.choice("INKAN_JWT_ALG", JwsAlgorithm.HS256, JwsAlgorithm.class, TokenSettings::algorithm);
        String issuer = issuer(config, algorithm);
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

    /** @return the algorithm a JWS name names, in any case ({@code eddsa}, {@code es256}) */
    static JwsAlgorithm algorithm(String text) {
        for (JwsAlgorithm algorithm : JwsAlgorithm.values()) {
            if (algorithm.jwsName().equalsIgnoreCase(text)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("no JWS algorithm of Inkan's is named '" + text + "'");
    }

    /**
     * {@code INKAN_ISSUER}, else {@code INKAN_PUBLIC_URL}, else {@code inkan}, exactly as configured.
     * With a public-key algorithm it must be an https URL (http on loopback): resource servers find
     * the keys by it.
     */
    private static String issuer(ConfigSource config, JwsAlgorithm algorithm) {
        Optional<String> publicUrl = config.optional(PUBLIC_URL);
        publicUrl.flatMap(IssuerUrl::problemAsUrl).ifPresent(problem -> {
            throw new ConfigException(PUBLIC_URL + " must be the absolute http or https URL where Inkan is reached, without"
                    + " query or fragment (https://auth.example.com), but " + problem + ": '" + publicUrl.get() + "'");
        });
        String issuer = config.optional(ISSUER).or(() -> publicUrl).orElse(DEFAULT_ISSUER);
        if (!algorithm.isHmac()) {
            IssuerUrl.problemAsIssuer(issuer).ifPresent(problem -> {
                throw new ConfigException(issuerProblem(algorithm, issuer, problem));
            });
        }
        return issuer;
    }

    /** The one message for an issuer that cannot be a public-key algorithm's, naming every way to set it. */
    static String issuerProblem(JwsAlgorithm algorithm, String issuer, String problem) {
        return "with INKAN_JWT_ALG=" + algorithm.jwsName() + " the issuer (" + ISSUER + ", which defaults to " + PUBLIC_URL
                + "; issuer(…) in code) must be the https URL resource servers discover Inkan's public keys at, without query"
                + " or fragment, but " + problem + ": '" + issuer + "'";
    }
}

package dev.inkan.server;

import dev.inkan.adapter.web.ForwardAuthRules;
import dev.inkan.adapter.web.GatewaySettings;
import dev.inkan.adapter.web.IdentityHeaders;
import dev.inkan.bootstrap.ConfigException;
import dev.inkan.bootstrap.ConfigSource;
import java.net.URI;
import java.net.URISyntaxException;
import dev.inkan.bootstrap.TokenSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Reads the settings for Inkan behind a gateway: the forward-auth rules and their default, the
 * identity headers, the login URL (by default Inkan's own page at {@code INKAN_PUBLIC_URL}), the
 * origins a browser may be sent back to, and the cookie domain.
 */
final class GatewayConfig {

    private GatewayConfig() {
    }

    /**
     * @param tokens the token settings, whose algorithm must be a key pair's for gateway tokens
     * @param publicUrl {@code INKAN_PUBLIC_URL}, as the library read it
     * @throws ConfigException naming the first variable that is bad
     */
    static GatewaySettings from(ConfigSource config, TokenSettings tokens, Optional<URI> publicUrl) {
        ForwardAuthRules rules = parsed("INKAN_FORWARD_AUTH_RULES", () ->
                config.optional("INKAN_FORWARD_AUTH_RULES").map(ForwardAuthRules::parse).orElse(ForwardAuthRules.none()));
        GatewaySettings settings = GatewaySettings.defaults()
                .withRules(parsed("INKAN_FORWARD_AUTH_DEFAULT", () ->
                        config.optional("INKAN_FORWARD_AUTH_DEFAULT").map(rules::withDefault).orElse(rules)))
                .withHeaders(parsed("INKAN_FORWARD_AUTH_HEADERS", () ->
                        config.optional("INKAN_FORWARD_AUTH_HEADERS").map(IdentityHeaders::parse).orElse(IdentityHeaders.defaults())));
        List<String> origins = config.optional("INKAN_REDIRECT_ORIGINS")
                .map(text -> Arrays.stream(text.split(",")).map(String::strip).filter(origin -> !origin.isEmpty()).toList())
                .orElse(List.of());
        settings = with("INKAN_REDIRECT_ORIGINS", settings, current -> current.withRedirectOrigins(origins));
        Optional<String> loginUrl = config.optional("INKAN_LOGIN_URL");
        if (loginUrl.isPresent()) {
            URI url = absolute("INKAN_LOGIN_URL", loginUrl.get());
            settings = with("INKAN_LOGIN_URL", settings, current -> current.withLoginUrl(url));
        } else if (publicUrl.isPresent()) {
            settings = with("INKAN_PUBLIC_URL", settings, current -> current.withLoginUrl(pageOf(publicUrl.get())));
        }
        checkGatewayTokens(settings.rules(), tokens);
        Duration lifetime = config.duration("INKAN_GATEWAY_TOKEN_TTL", GatewaySettings.DEFAULT_GATEWAY_TOKEN_LIFETIME);
        settings = with("INKAN_GATEWAY_TOKEN_TTL", settings, current -> current.withGatewayTokenLifetime(lifetime));
        Optional<String> domain = config.optional("INKAN_COOKIE_DOMAIN");
        if (domain.isPresent()) {
            settings = with("INKAN_COOKIE_DOMAIN", settings, current -> current.withCookieDomain(domain.get()));
        }
        return settings;
    }

    /**
     * Gateway tokens go to upstreams, which verify them with the public key: an HMAC upstream would
     * hold the key that mints every token. And each is for its upstream alone, never a token that
     * Inkan itself would take for an access token.
     */
    private static void checkGatewayTokens(ForwardAuthRules rules, TokenSettings tokens) {
        Set<String> audiences = rules.gatewayAudiences();
        if (audiences.isEmpty()) {
            return;
        }
        if (tokens.algorithm().isHmac()) {
            throw new ConfigException("INKAN_FORWARD_AUTH_RULES asks for gateway tokens (;aud:" + String.join(", ;aud:", audiences)
                    + "), which only a key pair signs, but INKAN_JWT_ALG is " + tokens.algorithm().jwsName()
                    + ": set INKAN_JWT_ALG to EdDSA or ES256 (with HMAC every upstream would hold the key that mints Inkan's tokens)");
        }
        String own = tokens.rules().audience();
        if (audiences.contains(own)) {
            throw new ConfigException("INKAN_FORWARD_AUTH_RULES: the gateway token audience '" + own + "' is INKAN_AUDIENCE,"
                    + " the audience of Inkan's own access tokens; give each upstream an audience of its own");
        }
    }

    /** Inkan's page: {@code /} of the public URL, whatever path that has. */
    private static URI pageOf(URI publicUrl) {
        String text = publicUrl.toString();
        return URI.create(text.endsWith("/") ? text : text + "/");
    }

    private static URI absolute(String name, String text) {
        try {
            URI url = new URI(text);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || url.getRawAuthority() == null || url.getRawFragment() != null
                    || url.getRawUserInfo() != null) {
                throw new URISyntaxException(text, "not an absolute http(s) URL");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new ConfigException(name + " must be an absolute http(s) URL without user info or fragment, such as "
                    + "https://auth.example.com, not '" + text + "'");
        }
    }

    private static GatewaySettings with(String name, GatewaySettings settings, UnaryOperator<GatewaySettings> change) {
        return parsed(name, () -> change.apply(settings));
    }

    private static <T> T parsed(String name, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + ": " + e.getMessage());
        }
    }
}

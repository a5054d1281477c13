package dev.inkan.adapter.web;

import dev.inkan.application.port.in.GetPublicKeysUseCase;
import dev.inkan.application.port.in.PublicKeys;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.PublicJwk;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The documents under {@code /.well-known/} that let a resource server verify Inkan's tokens without
 * its secrets: the JWK Set of the public keys (RFC 7517), and, for clients that find that set by the
 * issuer, the authorization server metadata of RFC 8414 and the OpenID discovery document. Inkan is
 * neither an OAuth authorization server nor an OpenID provider, so the two hold only what is true of
 * it: the issuer, where the keys are, how subjects are named and how access tokens are signed; every
 * member about a flow, an endpoint or a response type it does not have is left out (a member with no
 * values must be left out, RFC 8414 3.2 and OpenID Discovery 4.2 say).
 */
final class WellKnownHandlers {

    static final String JWKS = "/.well-known/jwks.json";
    static final String AUTHORIZATION_SERVER = "/.well-known/oauth-authorization-server";
    static final String OPENID_CONFIGURATION = "/.well-known/openid-configuration";
    /** Not registered with IANA, but the name some servers give it; RFC 8414 2 allows further members. */
    static final String SIGNING_ALGORITHMS = "access_token_signing_alg_values_supported";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final GetPublicKeysUseCase publicKeys;

    WellKnownHandlers(GetPublicKeysUseCase publicKeys) {
        this.publicKeys = publicKeys;
    }

    /** Mounts the three documents under {@code prefix}. */
    static void mount(RoutesConfig routes, String prefix, GetPublicKeysUseCase publicKeys) {
        WellKnownHandlers handlers = new WellKnownHandlers(publicKeys);
        routes.get(prefix + JWKS, handlers::jwks);
        routes.get(prefix + AUTHORIZATION_SERVER, handlers::authorizationServer);
        routes.get(prefix + OPENID_CONFIGURATION, handlers::openidConfiguration);
    }

    /** {@code {"keys":[…]}}: the public keys, never a private member, never an HMAC key (those stay secret). */
    void jwks(Context ctx) {
        PublicKeys published = publicKeys.publicKeys();
        List<Map<String, Object>> keys = published.keys().stream().map(WellKnownHandlers::jwk).toList();
        publicDocument(ctx, published, Map.of("keys", keys));
    }

    void authorizationServer(Context ctx) {
        PublicKeys published = publicKeys.publicKeys();
        publicDocument(ctx, published, discovery(published, false));
    }

    void openidConfiguration(Context ctx) {
        PublicKeys published = publicKeys.publicKeys();
        publicDocument(ctx, published, discovery(published, true));
    }

    private static Map<String, Object> discovery(PublicKeys published, boolean openid) {
        String issuer = published.issuer();
        if (problemAsIssuerUrl(issuer).isPresent()) {
            throw new ProblemException(404, "no-discovery", "No discovery document",
                    "this server's issuer is not a URL, so there is no document to find its keys by");
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer); // exactly as configured: clients compare it character for character
        document.put("jwks_uri", (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + JWKS);
        if (openid) {
            // Every token's sub is the user's id, the same whoever reads it (OpenID Core 8).
            document.put("subject_types_supported", List.of("public"));
        }
        List<String> algorithms = published.algorithms().stream().map(JwsAlgorithm::jwsName).toList();
        if (!algorithms.isEmpty()) {
            document.put(SIGNING_ALGORITHMS, algorithms);
        }
        return document;
    }

    private static Map<String, Object> jwk(PublicJwk key) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", key.keyType());
        jwk.put("crv", key.curve());
        jwk.put("x", BASE64URL.encodeToString(key.x()));
        key.y().ifPresent(y -> jwk.put("y", BASE64URL.encodeToString(y)));
        jwk.put("kid", key.keyId());
        jwk.put("alg", key.algorithm().jwsName());
        jwk.put("use", "sig");
        return jwk;
    }

    /**
     * What anyone may cache for a while (no longer than a new key is published before it signs):
     * unlike every other answer of Inkan's, it holds nothing of a user's.
     */
    private static void publicDocument(Context ctx, PublicKeys published, Map<String, Object> body) {
        ctx.header("Cache-Control", "public, max-age=" + published.cacheLifetime().toSeconds());
        ctx.res().setHeader("Pragma", null);
        JsonBodies.respond(ctx, body);
    }

    /** @return why {@code issuer} is no http(s) URL with a host; the configuration made sure of more where it matters */
    private static Optional<String> problemAsIssuerUrl(String issuer) {
        try {
            URI uri = new URI(issuer);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? Optional.empty()
                    : Optional.of("not an http(s) URL");
        } catch (URISyntaxException e) {
            return Optional.of("not a URL");
        }
    }
}

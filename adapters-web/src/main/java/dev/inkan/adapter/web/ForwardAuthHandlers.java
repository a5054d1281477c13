package dev.inkan.adapter.web;

import dev.inkan.adapter.web.ForwardAuthRules.Requirement;
import dev.inkan.application.port.in.IssueGatewayTokenUseCase;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidTokenException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forward-auth for gateways: may this request through, and as whom? {@code /auth/verify} and
 * {@code /auth/forward}, and any path under them (for gateways that append the original URI, such
 * as Envoy's {@code path_prefix}), answer every method. The token comes from {@code Authorization:
 * Bearer} or the access cookie. A 200 carries the {@link IdentityHeaders} and the claims; a request
 * without a good token gets 401, one whose token lacks a role the rules ask for 403, and so does a
 * cookie-authenticated unsafe request whose {@code Origin} (or {@code Sec-Fetch-Site}) is not the
 * service's own or an allowed one, so the upstreams are no more open to CSRF than Inkan's API.
 *
 * <p>The original path and method ({@code X-Forwarded-Uri} or {@code X-Original-URI}, or the path
 * appended to the route; {@code X-Forwarded-Method}) are read only from a trusted proxy, and only
 * once: from any other peer they are refused, so a gateway that is not trusted fails closed rather
 * than being judged by the default rule. nginx's {@code auth_request} takes nothing but 2xx, 401 and
 * 403 from the subrequest (anything else is a 500), so {@code /auth/verify} answers only those; the
 * gateways that pass the answer itself to the client (Traefik, Envoy) use {@code /auth/forward},
 * which sends a browser ({@code Accept: text/html}) without a good token to the login page, with a
 * {@link ReturnTo} that cannot be an open redirect.
 */
final class ForwardAuthHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(ForwardAuthHandlers.class);

    /** The methods the routes answer; the method that counts is the original one. */
    static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Pattern METHOD = Pattern.compile("[A-Z][A-Z0-9-]{0,31}");
    private static final String VERIFY = "/auth/verify";
    private static final String FORWARD = "/auth/forward";

    private final RequestAuthentication authentication;
    private final IssueGatewayTokenUseCase gatewayTokens;
    private final GatewaySettings gateway;
    private final ClientAddress peers;
    private final Set<String> allowedOrigins;
    private final String prefix;
    private final AtomicBoolean warnedOfUntrustedPeer = new AtomicBoolean();

    ForwardAuthHandlers(RequestAuthentication authentication, IssueGatewayTokenUseCase gatewayTokens, WebSettings settings,
                        String prefix) {
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.gatewayTokens = Objects.requireNonNull(gatewayTokens, "gatewayTokens");
        this.gateway = settings.gateway();
        this.peers = new ClientAddress(settings.trustedProxies());
        Set<String> origins = new LinkedHashSet<>(settings.corsOrigins());
        origins.addAll(gateway.redirectOrigins());
        this.allowedOrigins = Collections.unmodifiableSet(origins);
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    static void mount(RoutesConfig routes, String prefix, ForwardAuthHandlers handlers) {
        for (HandlerType method : METHODS) {
            routes.addHttpHandler(method, prefix + VERIFY, handlers::verify);
            routes.addHttpHandler(method, prefix + VERIFY + "/<path>", handlers::verify);
            routes.addHttpHandler(method, prefix + FORWARD, handlers::forward);
            routes.addHttpHandler(method, prefix + FORWARD + "/<path>", handlers::forward);
        }
        // Any other method (TRACE, WebDAV's PROPFIND, ...) would get a 405, which nginx turns into a 500.
        for (String path : new String[] {VERIFY, VERIFY + "/*", FORWARD, FORWARD + "/*"}) {
            Handler handler = path.startsWith(VERIFY) ? handlers::verify : handlers::forward;
            routes.before(prefix + path, ctx -> {
                if (!METHODS.contains(ctx.method())) {
                    ctx.skipRemainingHandlers();
                    handler.handle(ctx);
                }
            });
        }
        routes.get(prefix + "/auth/redirect-origins", handlers::redirectOrigins);
    }

    /** nginx's endpoint: 200, 401 or 403 and nothing else, whatever the request. */
    void verify(Context ctx) {
        answer(ctx, authorize(ctx, VERIFY, 403));
    }

    /** Traefik's and Envoy's: as {@link #verify}, but a browser without a good token is sent to log in. */
    void forward(Context ctx) {
        try {
            answer(ctx, authorize(ctx, FORWARD, 400));
        } catch (InvalidTokenException e) {
            if (gateway.loginUrl().isEmpty() || !acceptsHtml(ctx)) {
                throw e;
            }
            Original original = original(ctx, FORWARD, 400);
            Optional<String> returnTo = original.uri().flatMap(uri ->
                    ReturnTo.ofForwarded(original.proto(), original.host(), uri, gateway.redirectOrigins(), gateway.loginUrl().get()));
            ctx.status(302).header("Location", ReturnTo.location(gateway.loginUrl().get(), returnTo));
        }
    }

    /** The origins the login page may send a browser back to, for the page to check {@code return_to} against. */
    void redirectOrigins(Context ctx) {
        JsonBodies.respond(ctx, Map.of("redirect_origins", gateway.redirectOrigins()));
    }

    private void answer(Context ctx, Decision decision) {
        Optional<AccessTokenClaims> caller = decision.caller();
        gateway.headers().write(ctx, caller);
        if (caller.isPresent() && decision.audience().isPresent()) {
            gatewayTokens.issue(caller.get(), decision.audience().get(), gateway.gatewayTokenLifetime())
                    .ifPresent(token -> ctx.header("Authorization", "Bearer " + token));
        }
        if (caller.isPresent() && ctx.method() != HandlerType.HEAD) {
            JsonBodies.respond(ctx, ClaimsResponse.from(caller.get()));
        } else {
            ctx.status(200); // nginx asks with HEAD (docs/gateways.md): no body to write, none to read
        }
    }

    /**
     * @param badRequest the status for a forwarded request that cannot be judged (its path does not
     *     normalise, a header came twice): 403 where only 401 and 403 may be answered
     * @return the caller (empty for anyone on a path that asks for nobody), and the audience of the
     *     gateway token to mint for the upstream: only for a trusted proxy, whose rule names one
     */
    private Decision authorize(Context ctx, String route, int badRequest) {
        Original original = original(ctx, route, badRequest);
        Requirement requirement = original.path().map(path -> gateway.rules().requirementFor(path))
                .orElse(gateway.rules().fallback());
        if (!requirement.authenticated()) {
            return new Decision(anyoneOrTheCaller(ctx, original), Optional.empty());
        }
        Credential credential = credential(ctx).orElseThrow(() -> new InvalidTokenException(InvalidTokenException.Reason.MISSING));
        AccessTokenClaims claims = authentication.verify(credential.token());
        if (credential.fromCookie() && !SAFE_METHODS.contains(original.method()) && !originAllowed(ctx, original)) {
            throw new ProblemException(403, "csrf", "Forbidden", "a cookie-authenticated " + original.method()
                    + " must come from the service's own origin or an allowed one");
        }
        for (String role : requirement.roles()) {
            if (!claims.hasRole(role)) {
                throw new InsufficientRoleException();
            }
        }
        // Anyone may call this endpoint; only the gateway, which hands the token to the upstream alone, is given one.
        Optional<String> audience = peers.peerIsTrusted(ctx) ? requirement.audience() : Optional.empty();
        return new Decision(Optional.of(claims), audience);
    }

    /** A path open to anyone still tells the upstream who is calling, when the caller proves it; else nobody. */
    private Optional<AccessTokenClaims> anyoneOrTheCaller(Context ctx, Original original) {
        try {
            Optional<Credential> credential = credential(ctx);
            if (credential.isEmpty()
                    || credential.get().fromCookie() && !SAFE_METHODS.contains(original.method()) && !originAllowed(ctx, original)) {
                return Optional.empty();
            }
            return Optional.of(authentication.verify(credential.get().token()));
        } catch (InvalidTokenException e) {
            return Optional.empty();
        }
    }

    private Optional<Credential> credential(Context ctx) {
        Optional<String> bearer = authentication.bearer(ctx);
        if (bearer.isPresent()) {
            return Optional.of(new Credential(bearer.get(), false));
        }
        return authentication.accessCookie(ctx).map(cookie -> new Credential(cookie, true));
    }

    /**
     * A browser sends {@code Origin} with every cross-origin request and every same-origin unsafe
     * one, and {@code Sec-Fetch-Site} with every request; without either it is not a browser a
     * page could have made send the request, but neither is the request provably the service's own.
     */
    private boolean originAllowed(Context ctx, Original original) {
        String origin = ctx.header("Origin");
        if (origin != null) {
            return allowedOrigins.contains(origin) || original.host().map(host -> RequestAuthentication.isOfHost(origin, host)).orElse(false);
        }
        String site = ctx.header("Sec-Fetch-Site");
        return "same-origin".equals(site) || "none".equals(site);
    }

    /** What the gateway says of the request it asks about, checked: from a trusted proxy, each header once. */
    private Original original(Context ctx, String route, int badRequest) {
        Optional<String> forwardedUri = once(ctx, "X-Forwarded-Uri", badRequest);
        Optional<String> originalUri = once(ctx, "X-Original-URI", badRequest);
        Optional<String> forwardedMethod = once(ctx, "X-Forwarded-Method", badRequest);
        Optional<String> appended = appendedUri(ctx, route, badRequest);
        if (!peers.peerIsTrusted(ctx)) {
            if (forwardedUri.isPresent() || originalUri.isPresent() || forwardedMethod.isPresent() || appended.isPresent()) {
                if (warnedOfUntrustedPeer.compareAndSet(false, true)) {
                    LOG.warn("forward_auth_refused request_id={} reason=untrusted_peer detail=\"a peer that is not a trusted proxy "
                            + "sent the original path or method; name the gateway among the trusted proxies\"", RequestIds.of(ctx));
                }
                throw new ProblemException(403, "untrusted-gateway", "Forbidden",
                        "the original path and method count only from a trusted proxy");
            }
            return new Original(ctx.method().name(), Optional.empty(), Optional.empty(), Optional.ofNullable(ctx.header("Host")),
                    Optional.empty());
        }
        Optional<String> uri = agreeing(agreeing(forwardedUri, originalUri, badRequest), appended, badRequest);
        Optional<ForwardedPath> path = Optional.empty();
        if (uri.isPresent()) {
            path = Optional.of(ForwardedPath.parse(uri.get()).orElseThrow(() ->
                    new ProblemException(badRequest, "invalid-forwarded-path", "Refused",
                            "the forwarded path does not normalise cleanly (bad escapes, backslashes, control characters, "
                                    + "double encoding or dot segments above the root)")));
        }
        String method = forwardedMethod.orElse(ctx.method().name());
        if (!METHOD.matcher(method).matches()) {
            throw new ProblemException(badRequest, "invalid-forwarded-method", "Refused", "the forwarded method is not a method");
        }
        Optional<String> host = once(ctx, "X-Forwarded-Host", badRequest).or(() -> Optional.ofNullable(ctx.header("Host")));
        return new Original(method, uri, path, host, once(ctx, "X-Forwarded-Proto", badRequest));
    }

    /** The original URI that a gateway appended to the route ({@code /auth/forward/admin/x?y=1}), raw as it came. */
    private Optional<String> appendedUri(Context ctx, String route, int badRequest) {
        String raw = ctx.req().getRequestURI();
        String base = prefix + route;
        if (raw.equals(base) || raw.equals(base + "/")) {
            return Optional.empty();
        }
        if (!raw.startsWith(base + "/")) {
            throw new ProblemException(badRequest, "invalid-forwarded-path", "Refused", "the route itself is written in escapes");
        }
        String query = ctx.req().getQueryString();
        return Optional.of(raw.substring(base.length()) + (query == null ? "" : "?" + query));
    }

    private static Optional<String> agreeing(Optional<String> one, Optional<String> other, int badRequest) {
        if (one.isPresent() && other.isPresent() && !one.equals(other)) {
            throw new ProblemException(badRequest, "ambiguous-forwarded-path", "Refused",
                    "the original path is given twice, differently");
        }
        return one.or(() -> other);
    }

    private static Optional<String> once(Context ctx, String name, int badRequest) {
        Enumeration<String> values = ctx.req().getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return Optional.empty();
        }
        String value = values.nextElement();
        if (values.hasMoreElements()) {
            throw new ProblemException(badRequest, "ambiguous-forwarded-header", "Refused", name + " is sent more than once");
        }
        return Optional.of(value);
    }

    private static boolean acceptsHtml(Context ctx) {
        String accept = ctx.header("Accept");
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/html");
    }

    /** The request the gateway asks about: its method, target (path and query), host and scheme as far as known. */
    private record Original(String method, Optional<String> uri, Optional<ForwardedPath> path, Optional<String> host,
                            Optional<String> proto) {
    }

    /** Who may pass ({@code caller}), and for which upstream audience a gateway token is minted, if any. */
    private record Decision(Optional<AccessTokenClaims> caller, Optional<String> audience) {
    }

    /** A presented access token, and whether the browser sent it on its own (a cookie) rather than a client on purpose. */
    private record Credential(String token, boolean fromCookie) {
    }
}

package dev.inkan.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.application.port.in.IssuedTokens;
import dev.inkan.application.port.in.LoginCommand;
import dev.inkan.application.port.in.RefreshCommand;
import dev.inkan.application.port.in.RegisterCommand;
import dev.inkan.application.port.in.Registration;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.AccountDisabledException;
import dev.inkan.domain.EmailNotVerifiedException;
import dev.inkan.domain.InvalidCredentialsException;
import dev.inkan.domain.InvalidRefreshTokenException;
import dev.inkan.domain.SessionId;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** The handlers of Inkan's HTTP API: parse, call one use case, answer. */
final class AuthHandlers {

    /** A browser sends its own refresh cookie and, at worst, one or two planted beside it. */
    private static final int MAX_REFRESH_COOKIES_TRIED = 3;

    private final WebUseCases useCases;
    private final WebSettings settings;
    private final RequestAuthentication authentication;
    private final AdminHandlers admin;
    private final EventHandlers events;
    private final AccountHandlers account;
    private final AbuseLimits limits;
    private final ClientAddress clientAddress;
    private final RequestOrigins origins;
    private final WebMetrics metrics;
    private final String cookiePrefix;
    private final TokenCookies cookies;
    private final ForwardAuthHandlers forwardAuth;
    private final RevocationStreamHandlers revocationStream;

    AuthHandlers(WebUseCases useCases, WebSettings settings, RateLimitBuckets buckets, WebMetrics metrics, String prefix) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cookiePrefix = Objects.requireNonNull(prefix, "prefix");
        this.authentication = new RequestAuthentication(useCases.verify(), settings);
        this.limits = new AbuseLimits(settings.rateLimits(), buckets);
        this.clientAddress = new ClientAddress(settings.trustedProxies());
        this.origins = new RequestOrigins(clientAddress);
        this.admin = new AdminHandlers(useCases.admin(), authentication, origins);
        this.events = new EventHandlers(useCases.events(), authentication);
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.account = new AccountHandlers(useCases.account(), useCases.profile(), authentication, limits, clientAddress,
                origins, settings, prefix);
        this.cookies = new TokenCookies(settings.gateway().cookieDomain());
        this.forwardAuth = new ForwardAuthHandlers(authentication, useCases.gatewayTokens(), settings, prefix);
        this.revocationStream = new RevocationStreamHandlers(useCases.revocations(), authentication, settings.revocationFeed(),
                java.time.Clock.systemUTC());
    }

    /** @return the handlers of the admin API, which share this one's token checks */
    AdminHandlers admin() {
        return admin;
    }

    /** @return the handlers of the security log, which share this one's token checks */
    EventHandlers events() {
        return events;
    }
    /** @return the handlers of the account flows, which share this one's token checks and limits */
    AccountHandlers account() {
        return account;
    }

    /** @return the handlers that answer gateways' forward-auth, which share this one's token checks */
    ForwardAuthHandlers forwardAuth() {
        return forwardAuth;
    }
    /** @return the handler of the revocation stream, which shares this one's token checks */
    RevocationStreamHandlers revocationStream() {
        return revocationStream;
    }

    /** @return what the well-known documents publish */
    dev.inkan.application.port.in.GetPublicKeysUseCase publicKeys() {
        return useCases.publicKeys();
    }

    void register(Context ctx) {
        JsonNode body = JsonBodies.object(ctx);
        RegisterCommand command = validated(() ->
                RegisterCommand.of(JsonBodies.string(body, "email"), JsonBodies.string(body, "password")));
        limits.beforeRegistration(clientAddress.limitKey(ctx));
        Registration registration = useCases.register().signUp(command);
        if (registration.user().isPresent()) {
            JsonBodies.respond(ctx.status(201), RegisteredUserResponse.from(registration.user().get()));
        } else {
            // Verified addresses required: a new and a taken address get these same bytes.
            JsonBodies.respond(ctx.status(202), AcceptedResponse.REGISTRATION);
        }
    }

    void login(Context ctx) {
        JsonNode body = JsonBodies.object(ctx);
        LoginCommand command = validated(() ->
                LoginCommand.of(JsonBodies.string(body, "email"), JsonBodies.string(body, "password"), origins.ofUser(ctx)));
        try {
            limits.beforeLogin(clientAddress.limitKey(ctx), command.email().value());
        } catch (RateLimitedException e) {
            metrics.login("rate_limited");
            throw e;
        }
        IssuedTokens tokens;
        try {
            tokens = useCases.login().login(command);
        } catch (InvalidCredentialsException e) {
            limits.loginFailed(command.email().value());
            metrics.login("invalid_credentials");
            throw e;
        } catch (AccountDisabledException e) {
            metrics.login("account_disabled");
            throw e;
        } catch (EmailNotVerifiedException e) {
            metrics.login("email_not_verified");
            throw e;
        }
        metrics.login("success");
        answerWithTokens(ctx, tokens);
    }

    /**
     * The refresh token comes in the JSON body, or (cookie transport) in its cookie with a CSRF
     * proof that binds it to one session. A planted refresh cookie of another session beside the
     * browser's own is passed over; alone, it is refused.
     */
    void refresh(Context ctx) {
        limits.beforeRefresh(clientAddress.limitKey(ctx));
        if (hasBody(ctx) && settings.transport().acceptsBearer()) {
            String token = JsonBodies.string(JsonBodies.object(ctx), "refresh_token");
            answerWithTokens(ctx, useCases.refresh().refresh(validated(() ->
                    new RefreshCommand(token, Optional.empty(), origins.ofUser(ctx)))));
            return;
        }
        if (!settings.transport().usesCookies()) {
            throw ProblemException.badRequest("refresh_token is required");
        }
        answerWithTokens(ctx, refreshFromCookies(ctx));
    }

    /**
     * A browser may hold, beside its own refresh cookie, cookies that a sibling subdomain planted:
     * values Inkan never issued, or refresh tokens of other sessions. The first few are tried, and
     * none of them rotates unless it belongs to the session the CSRF proof names; the first that
     * works answers. Only when none does is a refusal returned: the most telling one (the browser's
     * own token's, expired or reused, say) rather than a planted value's.
     */
    private IssuedTokens refreshFromCookies(Context ctx) {
        List<String> cookies = TokenCookies.readAll(ctx, TokenCookies.REFRESH);
        Optional<SessionId> session = authentication.requireCsrfProof(ctx);
        InvalidRefreshTokenException refused = new InvalidRefreshTokenException(InvalidRefreshTokenException.Reason.UNKNOWN);
        for (String cookie : cookies.subList(0, Math.min(cookies.size(), MAX_REFRESH_COOKIES_TRIED))) {
            if (cookie.length() > RefreshCommand.MAX_LENGTH) {
                continue; // not one Inkan issued
            }
            try {
                return useCases.refresh().refresh(new RefreshCommand(cookie, session, origins.ofUser(ctx)));
            } catch (InvalidRefreshTokenException e) {
                boolean planted = e.reason() == InvalidRefreshTokenException.Reason.UNKNOWN
                        || e.reason() == InvalidRefreshTokenException.Reason.OTHER_SESSION;
                refused = planted ? refused : e;
            }
        }
        throw refused;
    }

    void logout(Context ctx) {
        useCases.logout().logout(authentication.claims(ctx), origins.ofUser(ctx));
        clearCookies(ctx);
        ctx.status(204);
    }

    void logoutEverywhere(Context ctx) {
        useCases.logoutEverywhere().logoutEverywhere(authentication.claims(ctx), origins.ofUser(ctx));
        clearCookies(ctx);
        ctx.status(204);
    }

    void me(Context ctx) {
        JsonBodies.respond(ctx, ProfileResponse.from(useCases.profile().profile(authentication.claims(ctx).subject())));
    }

    void sessions(Context ctx) {
        JsonBodies.respond(ctx, SessionsResponse.from(useCases.listSessions().sessionsOf(authentication.claims(ctx))));
    }

    void endSession(Context ctx) {
        AccessTokenClaims caller = authentication.claims(ctx);
        SessionId session = validated(() -> SessionId.parse(ctx.pathParam("id")));
        useCases.endSession().endSession(caller, session, origins.ofUser(ctx));
        ctx.status(204);
    }

    /** The access check for the host's own routes (plugin mode): the verified principal, or 401. */
    RequestAuthentication authentication() {
        return authentication;
    }

    void health(Context ctx) {
        boolean up = useCases.health().databaseUp();
        JsonBodies.respond(ctx.status(up ? 200 : 503), HealthResponse.of(up));
    }

    private void answerWithTokens(Context ctx, IssuedTokens tokens) {
        Optional<String> csrf = settings.transport().usesCookies() ? Optional.of(cookies.set(ctx, tokens, cookiePrefix)) : Optional.empty();
        JsonBodies.respond(ctx, TokenResponse.from(tokens, settings.transport().acceptsBearer(), csrf));
    }

    private void clearCookies(Context ctx) {
        if (settings.transport().usesCookies()) {
            cookies.clear(ctx, cookiePrefix);
        }
    }

    private static boolean hasBody(Context ctx) {
        return ctx.contentLength() > 0 || ctx.contentType() != null;
    }

    /** Commands validate themselves; their refusal is the client's mistake, so it becomes a 400 with their message. */
    /** @return what {@code command} makes, or a 400 problem with its message when the input is invalid */
    static <T> T validated(Supplier<T> command) {
        try {
            return command.get();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }
}

package dev.inkan.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.application.port.in.IssuedTokens;
import dev.inkan.application.port.in.LoginCommand;
import dev.inkan.application.port.in.RefreshCommand;
import dev.inkan.application.port.in.RegisterCommand;
import dev.inkan.domain.AccessTokenClaims;
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

    private final WebUseCases useCases;
    private final WebSettings settings;
    private final RequestAuthentication authentication;
    private final AbuseLimits limits;
    private final ClientAddress clientAddress;
    private final WebMetrics metrics;
    private final String cookiePrefix;

    AuthHandlers(WebUseCases useCases, WebSettings settings, RateLimitBuckets buckets, WebMetrics metrics, String prefix) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cookiePrefix = Objects.requireNonNull(prefix, "prefix");
        this.authentication = new RequestAuthentication(useCases.verify(), settings);
        this.limits = new AbuseLimits(settings.rateLimits(), buckets);
        this.clientAddress = new ClientAddress(settings.trustedProxies());
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    void register(Context ctx) {
        JsonNode body = JsonBodies.object(ctx);
        RegisterCommand command = validated(() ->
                RegisterCommand.of(JsonBodies.string(body, "email"), JsonBodies.string(body, "password")));
        limits.beforeRegistration(clientAddress.of(ctx));
        JsonBodies.respond(ctx.status(201), RegisteredUserResponse.from(useCases.register().register(command)));
    }

    void login(Context ctx) {
        JsonNode body = JsonBodies.object(ctx);
        LoginCommand command = validated(() ->
                LoginCommand.of(JsonBodies.string(body, "email"), JsonBodies.string(body, "password"),
                        ctx.header("User-Agent")));
        try {
            limits.beforeLogin(clientAddress.of(ctx), command.email().value());
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
        limits.beforeRefresh(clientAddress.of(ctx));
        if (hasBody(ctx) && settings.transport().acceptsBearer()) {
            String token = JsonBodies.string(JsonBodies.object(ctx), "refresh_token");
            answerWithTokens(ctx, useCases.refresh().refresh(validated(() -> new RefreshCommand(token))));
            return;
        }
        if (!settings.transport().usesCookies()) {
            throw ProblemException.badRequest("refresh_token is required");
        }
        List<String> cookies = TokenCookies.readAll(ctx, TokenCookies.REFRESH);
        if (cookies.isEmpty()) {
            throw new InvalidRefreshTokenException(InvalidRefreshTokenException.Reason.UNKNOWN);
        }
        Optional<SessionId> session = authentication.requireCsrfProof(ctx);
        InvalidRefreshTokenException refused = null;
        for (String cookie : cookies) {
            try {
                answerWithTokens(ctx, useCases.refresh().refresh(validated(() -> new RefreshCommand(cookie, session))));
                return;
            } catch (InvalidRefreshTokenException e) {
                if (e.reason() != InvalidRefreshTokenException.Reason.OTHER_SESSION) {
                    throw e;
                }
                refused = e;
            }
        }
        throw refused;
    }

    void logout(Context ctx) {
        useCases.logout().logout(authentication.claims(ctx));
        clearCookies(ctx);
        ctx.status(204);
    }

    void logoutEverywhere(Context ctx) {
        useCases.logoutEverywhere().logoutEverywhere(authentication.claims(ctx));
        clearCookies(ctx);
        ctx.status(204);
    }

    void me(Context ctx) {
        JsonBodies.respond(ctx, ProfileResponse.from(useCases.profile().profile(authentication.claims(ctx).subject())));
    }

    void verify(Context ctx) {
        JsonBodies.respond(ctx, ClaimsResponse.from(authentication.claims(ctx)));
    }

    void sessions(Context ctx) {
        JsonBodies.respond(ctx, SessionsResponse.from(useCases.listSessions().sessionsOf(authentication.claims(ctx))));
    }

    void endSession(Context ctx) {
        AccessTokenClaims caller = authentication.claims(ctx);
        SessionId session = validated(() -> SessionId.parse(ctx.pathParam("id")));
        useCases.endSession().endSession(caller, session);
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
        Optional<String> csrf = settings.transport().usesCookies() ? Optional.of(TokenCookies.set(ctx, tokens, cookiePrefix)) : Optional.empty();
        JsonBodies.respond(ctx, TokenResponse.from(tokens, settings.transport().acceptsBearer(), csrf));
    }

    private void clearCookies(Context ctx) {
        if (settings.transport().usesCookies()) {
            TokenCookies.clear(ctx, cookiePrefix);
        }
    }

    private static boolean hasBody(Context ctx) {
        return ctx.contentLength() > 0 || ctx.contentType() != null;
    }

    /** Commands validate themselves; their refusal is the client's mistake, so it becomes a 400 with their message. */
    private static <T> T validated(Supplier<T> command) {
        try {
            return command.get();
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }
}

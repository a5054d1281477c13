package dev.inkan.adapter.web;

import dev.inkan.application.port.out.PasswordHashingBusyException;
import dev.inkan.application.port.out.StoreUnavailableException;
import dev.inkan.domain.AccountDisabledException;
import dev.inkan.domain.EmailAlreadyRegisteredException;
import dev.inkan.domain.EmailNotVerifiedException;
import dev.inkan.domain.InvalidCredentialsException;
import dev.inkan.domain.InvalidOneTimeTokenException;
import dev.inkan.domain.InvalidRefreshTokenException;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.SessionNotFoundException;
import dev.inkan.domain.TooManyRolesException;
import dev.inkan.domain.UserNotFoundException;
import dev.inkan.domain.WeakPasswordException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become RFC 9457 problem+json responses. Responses name the kind
 * of problem, never a stack trace, SQL, a token or which token check failed.
 */
final class ProblemResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
    private static final String REALM = "Bearer realm=\"inkan\"";

    private ProblemResponses() {
    }

    /** Inkan's own failures: safe to register in a host's Javalin too. */
    static void registerInkanErrors(RoutesConfig routes, WebMetrics metrics) {
        routes.exception(ProblemException.class, (e, ctx) ->
                write(ctx, e.status(), e.type(), e.title(), e.getMessage()));
        routes.exception(InvalidTokenException.class, (e, ctx) -> {
            metrics.tokenRefused(e.reason());
            invalidToken(ctx, e);
        });
        routes.exception(InvalidCredentialsException.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", REALM);
            write(ctx, 401, "invalid-credentials", "Invalid credentials", "the email or password is wrong");
        });
        routes.exception(InvalidRefreshTokenException.class, (e, ctx) -> {
            LOG.info("refresh_refused request_id={} reason={}", RequestIds.of(ctx), e.reason());
            if (e.reason() == InvalidRefreshTokenException.Reason.REUSED) {
                metrics.refreshReuse();
            }
            ctx.header("WWW-Authenticate", REALM + ", error=\"invalid_token\"");
            write(ctx, 401, "invalid-refresh-token", "Invalid refresh token",
                    "the refresh token is invalid, expired or revoked; log in again");
        });
        routes.exception(InsufficientRoleException.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", REALM + ", error=\"insufficient_scope\"");
            write(ctx, 403, "insufficient-role", "Forbidden", "your access token does not allow this");
        });
        routes.exception(WeakPasswordException.class, (e, ctx) ->
                write(ctx, 400, "weak-password", "Password not allowed", e.getMessage()));
        routes.exception(InvalidOneTimeTokenException.class, (e, ctx) ->
                write(ctx, 400, "invalid-link-token", "Invalid or expired link",
                        "the link is invalid, expired or used already; ask for a new one"));
        routes.exception(EmailNotVerifiedException.class, (e, ctx) ->
                write(ctx, 403, "email-not-verified", "E-mail not verified",
                        "verify your e-mail address first: use the link we mailed you, or ask for a new one"));
        routes.exception(AccountDisabledException.class, (e, ctx) ->
                write(ctx, 403, "account-disabled", "Account disabled", "this account is disabled; ask an administrator"));
        routes.exception(UserNotFoundException.class, (e, ctx) ->
                write(ctx, 404, "user-not-found", "User not found", "no user has this id"));
        routes.exception(TooManyRolesException.class, (e, ctx) ->
                write(ctx, 409, "too-many-roles", "Too many roles", e.getMessage()));
        routes.exception(SessionNotFoundException.class, (e, ctx) ->
                write(ctx, 404, "session-not-found", "Session not found", "you have no session with this id"));
        routes.exception(EmailAlreadyRegisteredException.class, (e, ctx) ->
                write(ctx, 409, "email-taken", "Email already registered", "this email is already registered"));
        routes.exception(StoreUnavailableException.class, (e, ctx) -> {
            LOG.warn("store_unavailable request_id={} detail=\"{}\"", RequestIds.of(ctx), e.getMessage());
            ctx.header("Retry-After", "5");
            write(ctx, 503, "unavailable", "Service unavailable", "the database is unavailable; try again shortly");
        });
        // No log line of its own: under a flood that would be one per refusal, and the access log has each 503.
        routes.exception(PasswordHashingBusyException.class, (e, ctx) -> {
            ctx.header("Retry-After", "1");
            write(ctx, 503, "busy", "Service busy", "too many password checks are under way; try again in a moment");
        });
        routes.exception(RateLimitedException.class, (e, ctx) -> {
            metrics.rateLimited(ctx.path());
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            write(ctx, 429, "too-many-requests", "Too many requests",
                    "too many attempts; try again in " + e.retryAfterSeconds() + " s");
        });
    }

    /** Everything else, for Inkan's own server only: a host keeps its own catch-all and error pages. */
    static void registerServerErrors(RoutesConfig routes) {
        routes.exception(HttpResponseException.class, (e, ctx) -> fromStatus(ctx, e.getStatus()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected_failure request_id={} method={} route={}", RequestIds.of(ctx), ctx.method(), RequestIds.route(ctx), e);
            write(ctx, 500, "internal", "Internal error", "something went wrong on our side");
        });
        for (int status : new int[] {404, 405, 413}) {
            routes.error(status, "*", ctx -> {
                if (!ProblemDetails.CONTENT_TYPE.equals(ctx.res().getContentType())) {
                    fromStatus(ctx, status);
                }
            });
        }
    }

    private static void invalidToken(Context ctx, InvalidTokenException e) {
        if (e.reason() == InvalidTokenException.Reason.MISSING) {
            // RFC 6750 3.1: a request without credentials gets the challenge and no error code.
            ctx.header("WWW-Authenticate", REALM);
            write(ctx, 401, "unauthorized", "Unauthorized", "an access token is required");
            return;
        }
        LOG.info("access_token_refused request_id={} reason={}", RequestIds.of(ctx), e.reason());
        ctx.header("WWW-Authenticate",
                REALM + ", error=\"invalid_token\", error_description=\"The access token is invalid or expired\"");
        write(ctx, 401, "invalid-token", "Invalid token", "the access token is invalid or expired");
    }

    private static void fromStatus(Context ctx, int status) {
        HttpStatus known = HttpStatus.forStatus(status);
        String title = known == HttpStatus.UNKNOWN ? "Error" : known.getMessage();
        String detail = switch (status) {
            case 404 -> "there is nothing at this path";
            case 405 -> "this method is not allowed at this path";
            case 413 -> "the body is larger than " + JsonBodies.MAX_BODY_BYTES + " bytes";
            default -> title;
        };
        write(ctx, status, title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), title, detail);
    }

    static void write(Context ctx, int status, String type, String title, String detail) {
        ctx.status(status)
                .contentType(ProblemDetails.CONTENT_TYPE)
                .result(toJson(ProblemDetails.of(type, title, status, detail, ctx.path())));
    }

    static String toJson(ProblemDetails problem) {
        try {
            return JsonBodies.MAPPER.writeValueAsString(problem);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

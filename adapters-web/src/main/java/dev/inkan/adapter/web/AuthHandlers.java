package dev.inkan.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.application.port.in.LoginCommand;
import dev.inkan.application.port.in.RefreshCommand;
import dev.inkan.application.port.in.RegisterCommand;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.SessionId;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.function.Supplier;

/** The handlers of Inkan's HTTP API: parse, call one use case, answer. */
final class AuthHandlers {

    private final WebUseCases useCases;

    AuthHandlers(WebUseCases useCases) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
    }

    void register(Context ctx) {
        JsonNode body = JsonBodies.object(ctx);
        RegisterCommand command = validated(() ->
                RegisterCommand.of(JsonBodies.string(body, "email"), JsonBodies.string(body, "password")));
        ctx.status(201).json(RegisteredUserResponse.from(useCases.register().register(command)));
    }

    void login(Context ctx) {
        JsonNode body = JsonBodies.object(ctx);
        LoginCommand command = validated(() ->
                LoginCommand.of(JsonBodies.string(body, "email"), JsonBodies.string(body, "password"),
                        ctx.header("User-Agent")));
        ctx.json(TokenResponse.from(useCases.login().login(command)));
    }

    void refresh(Context ctx) {
        JsonNode body = JsonBodies.object(ctx);
        RefreshCommand command = validated(() -> new RefreshCommand(JsonBodies.string(body, "refresh_token")));
        ctx.json(TokenResponse.from(useCases.refresh().refresh(command)));
    }

    void logout(Context ctx) {
        useCases.logout().logout(verifiedClaims(ctx));
        ctx.status(204);
    }

    void logoutEverywhere(Context ctx) {
        useCases.logoutEverywhere().logoutEverywhere(verifiedClaims(ctx));
        ctx.status(204);
    }

    void me(Context ctx) {
        ctx.json(ProfileResponse.from(useCases.profile().profile(verifiedClaims(ctx).subject())));
    }

    void verify(Context ctx) {
        ctx.json(ClaimsResponse.from(verifiedClaims(ctx)));
    }

    void sessions(Context ctx) {
        ctx.json(SessionsResponse.from(useCases.listSessions().sessionsOf(verifiedClaims(ctx))));
    }

    void endSession(Context ctx) {
        AccessTokenClaims caller = verifiedClaims(ctx);
        SessionId session = validated(() -> SessionId.parse(ctx.pathParam("id")));
        useCases.endSession().endSession(caller, session);
        ctx.status(204);
    }

    void health(Context ctx) {
        boolean up = useCases.health().databaseUp();
        ctx.status(up ? 200 : 503).json(HealthResponse.of(up));
    }

    private AccessTokenClaims verifiedClaims(Context ctx) {
        return useCases.verify().verify(BearerTokens.from(ctx));
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

package dev.inkan.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.application.port.in.AdministerUsersUseCase;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.Actor;
import dev.inkan.domain.Email;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.Role;
import dev.inkan.domain.UserId;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API, {@code /admin/users…}, for callers whose access token holds the role
 * {@code admin}. The role is checked before anything else, so a caller without it learns nothing
 * (not even whether a user id exists); every answer then is the user as it is after the change.
 * Each change is recorded in the security log as the administrator's, with the request's origin.
 */
final class AdminHandlers {

    static final int DEFAULT_PAGE = 50;
    private static final Logger LOG = LoggerFactory.getLogger(AdminHandlers.class);

    private final AdministerUsersUseCase admin;
    private final RequestAuthentication authentication;
    private final RequestOrigins origins;

    AdminHandlers(AdministerUsersUseCase admin, RequestAuthentication authentication, RequestOrigins origins) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.origins = Objects.requireNonNull(origins, "origins");
    }

    void list(Context ctx) {
        requireAdmin(ctx);
        String asked = Optional.ofNullable(ctx.queryParam("email")).orElse("");
        if (asked.length() > Email.MAX_LENGTH || asked.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badRequest("email is the start of an e-mail address: at most " + Email.MAX_LENGTH
                    + " characters, none of them control characters");
        }
        String prefix = asked.strip().toLowerCase(Locale.ROOT);
        Optional<Email> after = Optional.ofNullable(ctx.queryParam("after"))
                .map(value -> AuthHandlers.validated(() -> new Email(value)));
        int limit = Optional.ofNullable(ctx.queryParam("limit")).map(AdminHandlers::limit).orElse(DEFAULT_PAGE);
        JsonBodies.respond(ctx, AdminUserResponse.Page.from(admin.list(prefix, after, limit)));
    }

    void get(Context ctx) {
        requireAdmin(ctx);
        respondWith(ctx, userId(ctx));
    }

    void grantRole(Context ctx) {
        AccessTokenClaims caller = requireAdmin(ctx);
        UserId user = userId(ctx);
        JsonNode body = JsonBodies.object(ctx);
        Role role = AuthHandlers.validated(() -> new Role(JsonBodies.string(body, "role")));
        if (admin.grant(user, role, origin(ctx, caller))) {
            audit(ctx, caller, "grant_role role=" + role, user);
        }
        respondWith(ctx, user);
    }

    void revokeRole(Context ctx) {
        AccessTokenClaims caller = requireAdmin(ctx);
        UserId user = userId(ctx);
        Role role = AuthHandlers.validated(() -> new Role(ctx.pathParam("role")));
        if (admin.revoke(user, role, origin(ctx, caller))) {
            audit(ctx, caller, "revoke_role role=" + role, user);
        }
        respondWith(ctx, user);
    }

    void disable(Context ctx) {
        AccessTokenClaims caller = requireAdmin(ctx);
        UserId user = notTheCaller(caller, userId(ctx));
        if (admin.disable(user, origin(ctx, caller))) {
            audit(ctx, caller, "disable", user);
        }
        respondWith(ctx, user);
    }

    void enable(Context ctx) {
        AccessTokenClaims caller = requireAdmin(ctx);
        UserId user = userId(ctx);
        if (admin.enable(user, origin(ctx, caller))) {
            audit(ctx, caller, "enable", user);
        }
        respondWith(ctx, user);
    }

    void delete(Context ctx) {
        AccessTokenClaims caller = requireAdmin(ctx);
        UserId user = notTheCaller(caller, userId(ctx));
        admin.delete(user, origin(ctx, caller));
        audit(ctx, caller, "delete", user);
        ctx.status(204);
    }

    void logoutEverywhere(Context ctx) {
        AccessTokenClaims caller = requireAdmin(ctx);
        UserId user = userId(ctx);
        admin.logoutEverywhere(user, origin(ctx, caller));
        audit(ctx, caller, "logout_everywhere", user);
        ctx.status(204);
    }

    /** One line per change, by ids alone: no e-mail or address of the user, so a deletion leaves nothing of them here. */
    private static void audit(Context ctx, AccessTokenClaims caller, String action, UserId user) {
        LOG.info("admin_action request_id={} admin={} action={} user={}", RequestIds.of(ctx), caller.subject(), action, user);
    }

    private RequestOrigin origin(Context ctx, AccessTokenClaims caller) {
        return origins.of(ctx, Actor.admin(caller.subject()));
    }

    private AccessTokenClaims requireAdmin(Context ctx) {
        return authentication.claimsWithRole(ctx, Role.ADMIN.name());
    }

    private void respondWith(Context ctx, UserId user) {
        JsonBodies.respond(ctx, AdminUserResponse.from(admin.get(user)));
    }

    /** An administrator who disabled or deleted their own account would lock themselves out mid-call. */
    private static UserId notTheCaller(AccessTokenClaims caller, UserId user) {
        if (caller.subject().equals(user)) {
            throw new ProblemException(409, "own-account", "Own account",
                    "you cannot disable or delete the account you are using; ask another administrator");
        }
        return user;
    }

    private static UserId userId(Context ctx) {
        return AuthHandlers.validated(() -> UserId.parse(ctx.pathParam("id")));
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= AdministerUsersUseCase.MAX_PAGE) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badRequest("limit is a whole number from 1 to " + AdministerUsersUseCase.MAX_PAGE);
    }
}

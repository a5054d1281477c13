package dev.inkan.adapter.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** Inkan's API routes under a prefix: the same set for Inkan's own server ("") and for a host's Javalin. */
final class InkanRoutes {

    private InkanRoutes() {
    }

    static void mount(RoutesConfig routes, String prefix, AuthHandlers handlers) {
        AdminHandlers admin = handlers.admin();
        EventHandlers events = handlers.events();
        routes.get(prefix + "/admin/events", events::all);
        routes.get(prefix + "/admin/users", admin::list);
        routes.get(prefix + "/admin/users/{id}", admin::get);
        routes.delete(prefix + "/admin/users/{id}", admin::delete);
        routes.post(prefix + "/admin/users/{id}/roles", admin::grantRole);
        routes.delete(prefix + "/admin/users/{id}/roles/{role}", admin::revokeRole);
        routes.post(prefix + "/admin/users/{id}/disable", admin::disable);
        routes.post(prefix + "/admin/users/{id}/enable", admin::enable);
        routes.post(prefix + "/admin/users/{id}/logout-all", admin::logoutEverywhere);
        routes.post(prefix + "/auth/register", handlers::register);
        routes.post(prefix + "/auth/login", handlers::login);
        routes.post(prefix + "/auth/refresh", handlers::refresh);
        routes.post(prefix + "/auth/logout", handlers::logout);
        routes.post(prefix + "/auth/logout-all", handlers::logoutEverywhere);
        routes.get(prefix + "/auth/sessions", handlers::sessions);
        routes.delete(prefix + "/auth/sessions/{id}", handlers::endSession);
        routes.get(prefix + "/me", handlers::me);
        routes.get(prefix + "/me/events", events::mine);
        AccountHandlers account = handlers.account();
        routes.post(prefix + "/auth/password", account::changePassword);
        routes.post(prefix + "/auth/password-reset", account::requestPasswordReset);
        routes.post(prefix + "/auth/password-reset/confirm", account::confirmPasswordReset);
        routes.post(prefix + "/auth/verify-email", account::verifyEmail);
        routes.post(prefix + "/auth/verify-email/resend", account::resendVerification);
        routes.post(prefix + "/auth/email", account::changeEmail);
        routes.delete(prefix + "/me", account::deleteMe);
        ForwardAuthHandlers.mount(routes, prefix, handlers.forwardAuth());
        WellKnownHandlers.mount(routes, prefix, handlers.publicKeys());
        RevocationStreamHandlers.mount(routes, prefix, handlers.revocationStream());
    }

    /** The headers every Inkan answer carries: no sniffing, no referrer, no framing, no caching, a strict CSP. */
    static void secureHeaders(Context ctx) {
        RequestIds.assign(ctx);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Content-Security-Policy", InkanHttpServer.CONTENT_SECURITY_POLICY);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Pragma", "no-cache");
    }
}

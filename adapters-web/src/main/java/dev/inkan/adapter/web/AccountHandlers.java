package dev.inkan.adapter.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inkan.application.port.in.ChangeEmailCommand;
import dev.inkan.application.port.in.ChangePasswordCommand;
import dev.inkan.application.port.in.GetUserProfileUseCase;
import dev.inkan.application.port.in.ResetPasswordCommand;
import dev.inkan.application.port.in.VerifyEmailCommand;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.Email;
import dev.inkan.domain.InvalidCredentialsException;
import dev.inkan.domain.Password;
import dev.inkan.domain.RequestOrigin;
import io.javalin.http.Context;
import java.util.Objects;

/**
 * The account flows: change of password, password reset, verification and change of address,
 * deleting one's own account. A wrong password here counts as a failed login of the account; the
 * requests that mail a link by address answer the same bytes whether or not an account is behind it.
 */
final class AccountHandlers {

    private static final String RESET = "password-reset";
    private static final String VERIFICATION = "verification";
    private static final String EMAIL_CHANGE = "email-change";

    private final AccountUseCases account;
    private final GetUserProfileUseCase profile;
    private final RequestAuthentication authentication;
    private final AbuseLimits limits;
    private final ClientAddress clientAddress;
    private final RequestOrigins origins;
    private final BackgroundRequests background = new BackgroundRequests();
    private final WebSettings settings;
    private final String cookiePrefix;

    AccountHandlers(AccountUseCases account, GetUserProfileUseCase profile, RequestAuthentication authentication,
                    AbuseLimits limits, ClientAddress clientAddress, RequestOrigins origins, WebSettings settings,
                    String cookiePrefix) {
        this.account = Objects.requireNonNull(account, "account");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clientAddress = Objects.requireNonNull(clientAddress, "clientAddress");
        this.origins = Objects.requireNonNull(origins, "origins");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cookiePrefix = Objects.requireNonNull(cookiePrefix, "cookiePrefix");
    }

    /** {@code POST /auth/password}: 204; the caller's session goes on, every other one ends. */
    void changePassword(Context ctx) {
        AccessTokenClaims caller = authentication.claims(ctx);
        JsonNode body = JsonBodies.object(ctx);
        ChangePasswordCommand command = AuthHandlers.validated(() -> ChangePasswordCommand.of(
                JsonBodies.string(body, "current_password"), JsonBodies.string(body, "new_password")));
        withPasswordCheck(ctx, caller, () -> account.changePassword().changePassword(caller, command, origins.ofUser(ctx)));
        ctx.status(204);
    }

    /** {@code POST /auth/password-reset}: 202, the same bytes for every address. */
    void requestPasswordReset(Context ctx) {
        Email email = emailOf(JsonBodies.object(ctx), "email");
        limits.beforeMailRequest(RESET, clientAddress.limitKey(ctx), email.value());
        RequestOrigin origin = origins.ofUser(ctx);
        // After the answer: whether the address has an account must not show in how long the answer took.
        background.run(RESET, () -> account.requestPasswordReset().requestReset(email, origin));
        JsonBodies.respond(ctx.status(202), AcceptedResponse.MAIL_REQUEST);
    }

    /** {@code POST /auth/password-reset/confirm}: 204; every session of the user has ended. */
    void confirmPasswordReset(Context ctx) {
        JsonNode body = JsonBodies.object(ctx);
        ResetPasswordCommand command = AuthHandlers.validated(() -> ResetPasswordCommand.of(
                JsonBodies.string(body, "token"), JsonBodies.string(body, "new_password")));
        limits.beforeResetConfirmation(clientAddress.limitKey(ctx));
        account.resetPassword().resetPassword(command, origins.ofUser(ctx));
        ctx.status(204);
    }

    /** {@code POST /auth/verify-email}: 200 with the account's verified address. */
    void verifyEmail(Context ctx) {
        JsonNode body = JsonBodies.object(ctx);
        VerifyEmailCommand command = AuthHandlers.validated(() -> new VerifyEmailCommand(JsonBodies.string(body, "token")));
        JsonBodies.respond(ctx, VerifiedEmailResponse.from(account.verifyEmail().verifyEmail(command, origins.ofUser(ctx))));
    }

    /**
     * {@code POST /auth/verify-email/resend}: 202. With an access token, for the caller's own
     * address; without one, for the body's {@code email}, the same bytes for every address.
     */
    void resendVerification(Context ctx) {
        if (authentication.presentsCredentials(ctx)) {
            AccessTokenClaims caller = authentication.claims(ctx);
            limits.beforeMailRequest(VERIFICATION, clientAddress.limitKey(ctx), emailOf(caller));
            account.resendVerification().resend(caller.subject());
        } else {
            Email email = emailOf(JsonBodies.object(ctx), "email");
            limits.beforeMailRequest(VERIFICATION, clientAddress.limitKey(ctx), email.value());
            background.run(VERIFICATION, () -> account.resendVerification().resend(email));
        }
        JsonBodies.respond(ctx.status(202), AcceptedResponse.MAIL_REQUEST);
    }

    /** {@code POST /auth/email}: 202; the change happens when the link mailed to the new address is used. */
    void changeEmail(Context ctx) {
        AccessTokenClaims caller = authentication.claims(ctx);
        JsonNode body = JsonBodies.object(ctx);
        ChangeEmailCommand command = AuthHandlers.validated(() -> ChangeEmailCommand.of(
                JsonBodies.string(body, "new_email"), JsonBodies.string(body, "password")));
        // The one refusal after the password check is a new address that is the current one: the caller's own mistake.
        limits.beforeMailRequest(EMAIL_CHANGE, clientAddress.limitKey(ctx), command.newEmail().value());
        withPasswordCheck(ctx, caller, () -> AuthHandlers.validated(() -> {
            account.changeEmail().requestChange(caller, command);
            return command;
        }));
        JsonBodies.respond(ctx.status(202), AcceptedResponse.EMAIL_CHANGE);
    }

    /** {@code DELETE /me}: 204; the account is gone, and a browser's cookies are cleared. */
    void deleteMe(Context ctx) {
        AccessTokenClaims caller = authentication.claims(ctx);
        JsonNode body = JsonBodies.object(ctx);
        Password password = AuthHandlers.validated(() -> new Password(JsonBodies.string(body, "password")));
        withPasswordCheck(ctx, caller, () -> account.deleteAccount().deleteOwnAccount(caller, password, origins.ofUser(ctx)));
        if (settings.transport().usesCookies()) {
            new TokenCookies(settings.gateway().cookieDomain()).clear(ctx, cookiePrefix);
        }
        ctx.status(204);
    }

    /** A password check of a caller who is logged in: the same per-account allowance of failures as login. */
    private void withPasswordCheck(Context ctx, AccessTokenClaims caller, Runnable call) {
        String email = emailOf(caller);
        limits.beforePasswordCheck(clientAddress.limitKey(ctx), email);
        try {
            call.run();
        } catch (InvalidCredentialsException e) {
            limits.loginFailed(email);
            throw e;
        }
    }

    private String emailOf(AccessTokenClaims caller) {
        return profile.profile(caller.subject()).email().value();
    }

    private static Email emailOf(JsonNode body, String field) {
        return AuthHandlers.validated(() -> new Email(JsonBodies.string(body, field)));
    }
}

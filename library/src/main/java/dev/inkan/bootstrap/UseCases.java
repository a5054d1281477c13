package dev.inkan.bootstrap;

import dev.inkan.application.port.in.AdministerKeysUseCase;
import dev.inkan.application.port.in.AdministerUsersUseCase;
import dev.inkan.application.port.in.CountSecurityEventsUseCase;
import dev.inkan.application.port.in.ChangeEmailUseCase;
import dev.inkan.application.port.in.ChangePasswordUseCase;
import dev.inkan.application.port.in.DeleteAccountUseCase;
import dev.inkan.application.port.in.RequestPasswordResetUseCase;
import dev.inkan.application.port.in.ResendVerificationUseCase;
import dev.inkan.application.port.in.ResetPasswordUseCase;
import dev.inkan.application.port.in.VerifyEmailUseCase;
import dev.inkan.application.port.in.EndSessionUseCase;
import dev.inkan.application.port.in.GetPublicKeysUseCase;
import dev.inkan.application.port.in.GetUserProfileUseCase;
import dev.inkan.application.port.in.IssueGatewayTokenUseCase;
import dev.inkan.application.port.in.ListSecurityEventsUseCase;
import dev.inkan.application.port.in.ListSessionsUseCase;
import dev.inkan.application.port.in.LoginUseCase;
import dev.inkan.application.port.in.LogoutEverywhereUseCase;
import dev.inkan.application.port.in.LogoutUseCase;
import dev.inkan.application.port.in.RefreshTokensUseCase;
import dev.inkan.application.port.in.RegisterUserUseCase;
import dev.inkan.application.port.in.StreamRevocationsUseCase;
import dev.inkan.application.port.in.VerifyAccessTokenUseCase;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The driving ports one {@link Inkan} hands out (that of the signing keys when they are in the
 * database), and whether its database answers.
 */
record UseCases(
        RegisterUserUseCase register,
        LoginUseCase login,
        RefreshTokensUseCase refresh,
        LogoutUseCase logout,
        LogoutEverywhereUseCase logoutEverywhere,
        VerifyAccessTokenUseCase verify,
        GetUserProfileUseCase profile,
        ListSessionsUseCase listSessions,
        EndSessionUseCase endSession,
        AdministerUsersUseCase admin,
        ListSecurityEventsUseCase events,
        CountSecurityEventsUseCase eventCounts,
        ChangePasswordUseCase changePassword,
        RequestPasswordResetUseCase requestPasswordReset,
        ResetPasswordUseCase resetPassword,
        VerifyEmailUseCase verifyEmail,
        ResendVerificationUseCase resendVerification,
        ChangeEmailUseCase changeEmail,
        DeleteAccountUseCase deleteAccount,
        GetPublicKeysUseCase publicKeys,
        IssueGatewayTokenUseCase gatewayTokens,
        BooleanSupplier databaseUp,
        Optional<AdministerKeysUseCase> keys,
        StreamRevocationsUseCase revocations) {

    UseCases {
        Objects.requireNonNull(register, "register");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(refresh, "refresh");
        Objects.requireNonNull(logout, "logout");
        Objects.requireNonNull(logoutEverywhere, "logoutEverywhere");
        Objects.requireNonNull(verify, "verify");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(listSessions, "listSessions");
        Objects.requireNonNull(endSession, "endSession");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(eventCounts, "eventCounts");
        Objects.requireNonNull(changePassword, "changePassword");
        Objects.requireNonNull(requestPasswordReset, "requestPasswordReset");
        Objects.requireNonNull(resetPassword, "resetPassword");
        Objects.requireNonNull(verifyEmail, "verifyEmail");
        Objects.requireNonNull(resendVerification, "resendVerification");
        Objects.requireNonNull(changeEmail, "changeEmail");
        Objects.requireNonNull(deleteAccount, "deleteAccount");
        Objects.requireNonNull(publicKeys, "publicKeys");
        Objects.requireNonNull(gatewayTokens, "gatewayTokens");
        Objects.requireNonNull(databaseUp, "databaseUp");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(revocations, "revocations");
    }
}

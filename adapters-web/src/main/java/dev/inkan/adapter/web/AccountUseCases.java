package dev.inkan.adapter.web;

import dev.inkan.application.port.in.ChangeEmailUseCase;
import dev.inkan.application.port.in.ChangePasswordUseCase;
import dev.inkan.application.port.in.DeleteAccountUseCase;
import dev.inkan.application.port.in.RequestPasswordResetUseCase;
import dev.inkan.application.port.in.ResendVerificationUseCase;
import dev.inkan.application.port.in.ResetPasswordUseCase;
import dev.inkan.application.port.in.VerifyEmailUseCase;
import java.util.Objects;

/** The driving ports of the account flows the HTTP API offers: password change and reset, address verification and change, deleting one's account. */
public record AccountUseCases(
        ChangePasswordUseCase changePassword,
        RequestPasswordResetUseCase requestPasswordReset,
        ResetPasswordUseCase resetPassword,
        VerifyEmailUseCase verifyEmail,
        ResendVerificationUseCase resendVerification,
        ChangeEmailUseCase changeEmail,
        DeleteAccountUseCase deleteAccount) {

    public AccountUseCases {
        Objects.requireNonNull(changePassword, "changePassword");
        Objects.requireNonNull(requestPasswordReset, "requestPasswordReset");
        Objects.requireNonNull(resetPassword, "resetPassword");
        Objects.requireNonNull(verifyEmail, "verifyEmail");
        Objects.requireNonNull(resendVerification, "resendVerification");
        Objects.requireNonNull(changeEmail, "changeEmail");
        Objects.requireNonNull(deleteAccount, "deleteAccount");
    }
}

package dev.inkan.adapter.web;

import static org.mockito.Mockito.mock;

import dev.inkan.application.port.in.ChangeEmailUseCase;
import dev.inkan.application.port.in.ChangePasswordUseCase;
import dev.inkan.application.port.in.DeleteAccountUseCase;
import dev.inkan.application.port.in.RequestPasswordResetUseCase;
import dev.inkan.application.port.in.ResendVerificationUseCase;
import dev.inkan.application.port.in.ResetPasswordUseCase;
import dev.inkan.application.port.in.VerifyEmailUseCase;

/** Test helper: the account flows' use cases as mocks, for tests about everything else. */
final class AccountMocks {

    private AccountMocks() {
    }

    static AccountUseCases mocks() {
        return new AccountUseCases(mock(ChangePasswordUseCase.class), mock(RequestPasswordResetUseCase.class),
                mock(ResetPasswordUseCase.class), mock(VerifyEmailUseCase.class), mock(ResendVerificationUseCase.class),
                mock(ChangeEmailUseCase.class), mock(DeleteAccountUseCase.class));
    }
}

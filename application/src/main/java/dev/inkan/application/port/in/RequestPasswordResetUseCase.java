package dev.inkan.application.port.in;

import dev.inkan.domain.Email;
import dev.inkan.domain.RequestOrigin;

/** Use case: someone who forgot their password asks for a link that sets a new one. */
public interface RequestPasswordResetUseCase {

    /**
     * Mails a password-reset link (30 minutes, single use; earlier ones stop working) to
     * {@code email} when it is the address of an enabled account, and does the same work and returns
     * the same way when it is not, so that the caller learns nothing about who has an account.
     */
    void requestReset(Email email, RequestOrigin origin);
}

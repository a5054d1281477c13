package dev.inkan.application.port.in;

import dev.inkan.domain.Email;
import dev.inkan.domain.UserId;

/** Use case: send a new verification link (24 hours; earlier ones stop working) to an unverified address. */
public interface ResendVerificationUseCase {

    /** Sends one to the user's address, unless it is verified already or the account is disabled or gone. */
    void resend(UserId user);

    /**
     * Sends one to {@code email} when it is the unverified address of an enabled account, and does
     * the same work and returns the same way otherwise, so the caller learns nothing about who has an account.
     */
    void resend(Email email);
}

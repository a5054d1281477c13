package dev.inkan.application.service;

import dev.inkan.application.port.out.UserRepository;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.User;

/** The account of the caller of a flow that acts on their own account. */
final class Accounts {

    private Accounts() {
    }

    /** @throws InvalidTokenException with reason {@code UNKNOWN_SUBJECT} when the token's user no longer exists */
    static User of(UserRepository users, AccessTokenClaims caller) {
        return users.findById(caller.subject())
                .orElseThrow(() -> new InvalidTokenException(InvalidTokenException.Reason.UNKNOWN_SUBJECT));
    }
}

package dev.inkan.adapter.web;

import dev.inkan.application.port.in.VerifiedEmail;

/** Response body of {@code POST /auth/verify-email}. */
record VerifiedEmailResponse(String id, String email, boolean emailVerified) {

    static VerifiedEmailResponse from(VerifiedEmail verified) {
        return new VerifiedEmailResponse(verified.user().toString(), verified.email().value(), true);
    }
}

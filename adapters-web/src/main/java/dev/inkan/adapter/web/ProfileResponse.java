package dev.inkan.adapter.web;

import dev.inkan.application.port.in.UserProfile;

/** Response body of {@code GET /me}. */
record ProfileResponse(String id, String email, String createdAt, boolean emailVerified) {

    static ProfileResponse from(UserProfile profile) {
        return new ProfileResponse(profile.id().toString(), profile.email().value(), profile.createdAt().toString(),
                profile.emailVerified());
    }
}

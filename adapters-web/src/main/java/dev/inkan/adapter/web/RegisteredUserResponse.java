package dev.inkan.adapter.web;

import dev.inkan.application.port.in.RegisteredUser;

/** Response body of registration. */
record RegisteredUserResponse(String id, String email) {

    static RegisteredUserResponse from(RegisteredUser user) {
        return new RegisteredUserResponse(user.id().toString(), user.email().value());
    }
}

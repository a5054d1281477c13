package dev.inkan.application.service;

import dev.inkan.application.port.in.GetUserProfileUseCase;
import dev.inkan.application.port.in.UserProfile;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.UserId;
import java.util.Objects;

/** Reads a user's own profile from the store. */
public final class GetUserProfileService implements GetUserProfileUseCase {

    private final UserRepository users;

    public GetUserProfileService(UserRepository users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public UserProfile profile(UserId userId) {
        return users.findById(userId)
                .map(UserProfile::from)
                .orElseThrow(() -> new InvalidTokenException(InvalidTokenException.Reason.UNKNOWN_SUBJECT));
    }
}

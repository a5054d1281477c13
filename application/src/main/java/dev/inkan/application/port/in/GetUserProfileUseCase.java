package dev.inkan.application.port.in;

import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.UserId;

/** Use case: read the profile of the user an access token was issued to. */
public interface GetUserProfileUseCase {

    /**
     * @param userId the verified subject of an access token
     * @return the user's profile as stored
     * @throws InvalidTokenException with reason {@code UNKNOWN_SUBJECT} when the user no longer exists
     */
    UserProfile profile(UserId userId);
}

package dev.inkan.application.port.in;

import dev.inkan.domain.Actor;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.SessionId;
import java.util.Objects;
import java.util.Optional;

/**
 * Command: rotate {@code refreshToken}; when {@code session} is given, only if the token belongs to
 * that session (a browser's refresh cookie is bound to the session its CSRF proof names). The
 * {@code origin} is what the security log records if the token turns out to have been reused.
 */
public record RefreshCommand(String refreshToken, Optional<SessionId> session, RequestOrigin origin) {

    /** Far above the 43 characters Inkan issues; longer input is refused before it is hashed. */
    public static final int MAX_LENGTH = 512;

    /** @throws IllegalArgumentException when the token is missing or absurdly long */
    public RefreshCommand {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new IllegalArgumentException("refresh_token is required");
        }
        if (refreshToken.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("refresh_token is too long");
        }
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(origin, "origin");
    }

    /** A refresh bound to {@code session} when given, by the user, nothing known of where it came from. */
    public RefreshCommand(String refreshToken, Optional<SessionId> session) {
        this(refreshToken, session, RequestOrigin.of(Actor.user()));
    }

    /** A refresh token from a client that holds it on its own (a JSON body): no session binding. */
    public RefreshCommand(String refreshToken) {
        this(refreshToken, Optional.empty());
    }

    @Override
    public String toString() {
        return "RefreshCommand[***]";
    }
}

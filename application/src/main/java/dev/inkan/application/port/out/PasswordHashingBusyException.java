package dev.inkan.application.port.out;

/**
 * Every password-hashing thread is busy and the line of hashes waiting for one is full: the request
 * should be retried in a moment (HTTP 503 with {@code Retry-After}). Refused at once, so a flood of
 * logins or registrations cannot park request threads behind Argon2.
 */
public final class PasswordHashingBusyException extends RuntimeException {

    public PasswordHashingBusyException(String message) {
        super(message, null, false, false);
    }
}

package dev.inkan.domain;

/** Root of the domain's refusals: every way a request for authentication can be turned down. */
public abstract class AuthException extends RuntimeException {

    protected AuthException(String message) {
        super(message, null, false, false);
    }
}

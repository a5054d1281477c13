package dev.inkan.application.port.out;

/** A store could not be reached or failed; the request that needed it should be retried later (HTTP 503). */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

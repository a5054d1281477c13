package dev.inkan.application.port.out;

import dev.inkan.token.SigningKey;
import java.util.List;

/**
 * Driven port: the JWS keys in use. The first signs new tokens; every key verifies. A ring may
 * change while Inkan runs (keys kept in the database rotate and retire); it then tells the
 * listeners given to {@link #onChange}, which read {@link #keys()} again.
 */
public interface KeyRing {

    /** @return at least one key, the signing key first, no two with the same key id */
    List<SigningKey> keys();

    /**
     * Asks to be told whenever {@link #keys()} changes. A ring fixed at start-up never calls, which
     * is what this default does.
     *
     * @param listener called after each change, on whatever thread made it; it should return quickly
     */
    default void onChange(Runnable listener) {
    }
}

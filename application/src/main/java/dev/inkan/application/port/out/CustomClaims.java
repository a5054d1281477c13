package dev.inkan.application.port.out;

import dev.inkan.domain.User;
import java.util.Map;

/**
 * Driven port: the claims an embedder adds to every access token of a user, beside Inkan's own.
 * Called at each login and refresh; the token format refuses the registered and Inkan's own claim
 * names, values it cannot write, and a token that would pass the size limit.
 */
@FunctionalInterface
public interface CustomClaims {

    /** No claims of the embedder's own. */
    CustomClaims NONE = user -> Map.of();

    /**
     * @return a small map of claim names to strings, booleans, longs, {@code BigDecimal}s, and lists
     *     and maps of them; the user's password hash is not for a token
     */
    Map<String, Object> claimsFor(User user);
}

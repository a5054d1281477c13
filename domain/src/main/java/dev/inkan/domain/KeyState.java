package dev.inkan.domain;

import java.util.Locale;

/** Where a key of a key store is in its life at one instant. */
public enum KeyState {
    /** In the JWKS and verifying, but not signing yet: caches fetch it before any token carries it. */
    PUBLISHED,
    /** The one key that signs new tokens (and verifies). */
    SIGNING,
    /** No longer signing, still verifying the tokens it signed until they have expired. */
    VERIFYING,
    /** Neither signs nor verifies, and is not published. */
    RETIRED;

    /** @return the state's name as {@code keys list} prints it: {@code published}, {@code signing}, … */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

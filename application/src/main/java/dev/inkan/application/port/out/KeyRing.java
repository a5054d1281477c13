package dev.inkan.application.port.out;

import dev.inkan.token.SigningKey;
import java.util.List;

/** Driven port: the JWS keys in use. The first signs new tokens; every key verifies. */
public interface KeyRing {

    /** @return at least one key, the signing key first, no two with the same key id */
    List<SigningKey> keys();
}

package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.KeyRing;
import dev.inkan.token.SigningKey;
import java.util.List;

/**
 * A key ring fixed at start-up: the first key signs, every key verifies. The token format refuses a
 * ring without keys or with two keys of one id when it is made of them.
 */
public record StaticKeyRing(List<SigningKey> keys) implements KeyRing {

    public StaticKeyRing {
        keys = List.copyOf(keys);
    }
}

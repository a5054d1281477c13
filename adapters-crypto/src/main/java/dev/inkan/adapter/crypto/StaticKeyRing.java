package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.KeyRing;
import dev.inkan.domain.SigningKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A key ring fixed at start-up: the first key signs, every key verifies. */
public final class StaticKeyRing implements KeyRing {

    private final List<SigningKey> keys;

    /** @throws IllegalArgumentException when there is no key or two keys share an id */
    public StaticKeyRing(List<SigningKey> keys) {
        this.keys = List.copyOf(keys);
        if (this.keys.isEmpty()) {
            throw new IllegalArgumentException("a key ring needs at least one key");
        }
        Set<String> ids = new HashSet<>();
        for (SigningKey key : this.keys) {
            if (!ids.add(key.keyId())) {
                throw new IllegalArgumentException("key id '" + key.keyId() + "' appears twice");
            }
        }
    }

    @Override
    public List<SigningKey> keys() {
        return keys;
    }

    @Override
    public String toString() {
        return "StaticKeyRing" + keys;
    }
}

package dev.inkan.application.port.in;

import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.PublicJwk;
import java.util.List;
import java.util.Objects;

/**
 * What Inkan publishes for verifiers: the issuer its tokens carry, exactly as configured, and the
 * public keys that verify them (none when every key is an HMAC secret, which is never published).
 *
 * @param keys the public keys, the signing key's first
 */
public record PublicKeys(String issuer, List<PublicJwk> keys) {

    public PublicKeys {
        Objects.requireNonNull(issuer, "issuer");
        keys = List.copyOf(keys);
    }

    /** @return the algorithms of the keys, each once, in the order of the keys */
    public List<JwsAlgorithm> algorithms() {
        return keys.stream().map(PublicJwk::algorithm).distinct().toList();
    }
}

package dev.inkan.bootstrap;

import dev.inkan.adapter.crypto.JwkSetKeyRing;
import dev.inkan.adapter.crypto.JwkThumbprint;
import dev.inkan.adapter.crypto.StaticKeyRing;
import dev.inkan.application.port.out.KeyRing;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.SigningKey;
import java.util.List;
import java.util.Objects;

/**
 * Where the signing keys come from, as configuration or a builder call names them; the keys are
 * read only once the algorithm is known, so the order of the calls does not matter.
 */
public sealed interface KeySource {

    /**
     * @param algorithm the configured algorithm: of a bare secret, and of every key of a JWK Set
     * @return the keys
     * @throws IllegalArgumentException naming where the keys came from and what is wrong, never showing a key
     */
    KeyRing keys(JwsAlgorithm algorithm);

    /** @return where the keys come from, as messages name it (a variable, a file, a builder call) */
    String origin();

    /** One key, as bytes; its id is its RFC 7638 thumbprint. */
    record Secret(byte[] key, String origin) implements KeySource {
        public Secret {
            key = key.clone();
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public KeyRing keys(JwsAlgorithm algorithm) {
            SigningKey signingKey;
            try {
                signingKey = new SigningKey(JwkThumbprint.ofOctetKey(key), algorithm, key);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
            }
            return new StaticKeyRing(List.of(signingKey));
        }

        @Override
        public String toString() {
            return "Secret[" + origin + ", " + key.length + " bytes]";
        }
    }

    /** The text of a JWK Set of {@code oct} keys: the first signs, every one verifies. */
    record JwkSet(String json, String origin) implements KeySource {
        public JwkSet {
            Objects.requireNonNull(json, "json");
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public KeyRing keys(JwsAlgorithm algorithm) {
            KeyRing ring = JwkSetKeyRing.parse(json, algorithm, origin);
            for (SigningKey key : ring.keys()) {
                if (key.algorithm() != algorithm) {
                    throw new IllegalArgumentException(origin + ": key '" + key.keyId() + "' is for " + key.algorithm().jwsName()
                            + ", but the algorithm (INKAN_JWT_ALG, or algorithm(…)) is " + algorithm.jwsName());
                }
            }
            return ring;
        }

        @Override
        public String toString() {
            return "JwkSet[" + origin + "]";
        }
    }

    /** Keys of the application's own (a secret manager's, say); each names its algorithm. */
    record Ring(KeyRing ring) implements KeySource {
        public Ring {
            Objects.requireNonNull(ring, "ring");
        }

        @Override
        public KeyRing keys(JwsAlgorithm algorithm) {
            return ring;
        }

        @Override
        public String origin() {
            return "keyRing(…)";
        }
    }
}

package dev.inkan.bootstrap;

import dev.inkan.adapter.crypto.JwkSetKeyRing;
import dev.inkan.adapter.crypto.JwkThumbprint;
import dev.inkan.adapter.crypto.StaticKeyRing;
import dev.inkan.application.port.out.KeyRing;
import dev.inkan.domain.JwsAlgorithm;
import dev.inkan.domain.SigningKey;
import java.util.List;
import java.util.Objects;

/**
 * Where the signing keys come from, as configuration or a builder call names them; the keys are
 * read only once the algorithm is known, so the order of the calls does not matter.
 */
public sealed interface KeySource {

    /**
     * @return the keys, checked against {@code algorithm}
     * @throws IllegalArgumentException naming where the keys came from and what is wrong, never showing a key
     */
    KeyRing keys(JwsAlgorithm algorithm);

    /** One key, as bytes; its id is its RFC 7638 thumbprint. */
    record Secret(byte[] key, String origin) implements KeySource {
        public Secret {
            key = key.clone();
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public KeyRing keys(JwsAlgorithm algorithm) {
            if (key.length < algorithm.macLength()) {
                throw new IllegalArgumentException(origin + " holds " + key.length + " bytes; " + algorithm.jwsName()
                        + " needs a key of at least " + algorithm.macLength() + " bytes");
            }
            return new StaticKeyRing(List.of(new SigningKey(JwkThumbprint.ofOctetKey(key), key)));
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
            return JwkSetKeyRing.parse(json, algorithm, origin);
        }

        @Override
        public String toString() {
            return "JwkSet[" + origin + "]";
        }
    }

    /** Keys of the application's own (a secret manager's, say), checked as they are used. */
    record Ring(KeyRing ring) implements KeySource {
        public Ring {
            Objects.requireNonNull(ring, "ring");
        }

        @Override
        public KeyRing keys(JwsAlgorithm algorithm) {
            for (SigningKey key : ring.keys()) {
                key.requireStrongEnoughFor(algorithm);
            }
            return ring;
        }
    }
}

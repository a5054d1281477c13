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
     * @param algorithm the configured algorithm: of a bare secret, of the first key of a JWK Set, and
     *     of every key there without an {@code alg}
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
            if (!algorithm.isHmac()) {
                throw new IllegalArgumentException(origin + ": a bare secret is an HMAC key, but " + algorithm.jwsName()
                        + " (INKAN_JWT_ALG, or algorithm(…)) signs with a key pair: give it as a JWK Set (INKAN_JWT_KEYS_FILE,"
                        + " jwkSet(…)) with the secret after it, so that the tokens it signed still verify");
            }
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

    /**
     * The text of a JWK Set: the first key signs, and must be for the configured algorithm; every key
     * verifies, each with its own {@code alg} (so an HMAC key can keep verifying after a key pair
     * takes over signing).
     */
    record JwkSet(String json, String origin) implements KeySource {
        public JwkSet {
            Objects.requireNonNull(json, "json");
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public KeyRing keys(JwsAlgorithm algorithm) {
            KeyRing ring = JwkSetKeyRing.parse(json, algorithm, origin);
            if (ring.keys().isEmpty()) {
                return ring; // the token format refuses a ring without keys, and the message names the origin
            }
            SigningKey signing = ring.keys().get(0);
            if (signing.algorithm() != algorithm) {
                throw new IllegalArgumentException(origin + ": key '" + signing.keyId() + "' is for " + signing.algorithm().jwsName()
                        + ", but the algorithm (INKAN_JWT_ALG, or algorithm(…)) is " + algorithm.jwsName()
                        + ": the first key of the set signs, so it must be for the configured algorithm");
            }
            return ring;
        }

        @Override
        public String toString() {
            return "JwkSet[" + origin + "]";
        }
    }

    /**
     * Keys read already, from where {@code origin} says (the keys the server generated into its data
     * folder): the first signs, each names its algorithm.
     */
    record Read(KeyRing ring, String origin) implements KeySource {
        public Read {
            Objects.requireNonNull(ring, "ring");
            Objects.requireNonNull(origin, "origin");
        }

        @Override
        public KeyRing keys(JwsAlgorithm algorithm) {
            return ring;
        }

        @Override
        public String toString() {
            return "Read[" + origin + "]";
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

package dev.inkan.application.port.out;

import dev.inkan.token.PublicJwk;
import dev.inkan.token.SignatureVerifier;
import dev.inkan.token.Signer;
import dev.inkan.token.SigningKey;

/** Driven port: the JWS signature algorithms (EdDSA and Ed25519 over Ed25519, ES256 over P-256) from one crypto provider. */
public interface SignatureAlgorithm {

    /**
     * Prepares the private key of a pair once, so that signing creates no key object per token.
     *
     * @param key a key pair of a public-key algorithm
     * @return a thread-safe signer of the key's algorithm under its private key
     * @throws IllegalArgumentException when the key is not a pair, or its private key is not one of
     *     its curve (a P-256 scalar of zero or not below the group order)
     */
    Signer signer(SigningKey key);

    /**
     * Prepares a public key once, so that verifying creates no key object per token.
     *
     * @return a thread-safe verifier of the key's algorithm, which reads signatures strictly
     * @throws IllegalArgumentException when the key is not a point of its curve
     */
    SignatureVerifier verifier(PublicJwk key);
}

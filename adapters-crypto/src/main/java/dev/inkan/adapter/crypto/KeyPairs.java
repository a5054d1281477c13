package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.RandomSource;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.PublicJwk;
import dev.inkan.token.SigningKey;
import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Key pairs of the public-key algorithms made from their private key alone: the public key derived
 * from it (Ed25519 as RFC 8032 5.1.5 does, P-256 as d·G), the key id its RFC 7638 thumbprint. New ones
 * draw their private key from a {@link RandomSource}, so a test can fix it.
 */
public final class KeyPairs {

    private static final ECPoint P256_G = CustomNamedCurves.getByName("secp256r1").getG();

    private KeyPairs() {
    }

    /**
     * @return a new key pair of {@code algorithm}: an Ed25519 seed of 32 random bytes, or a P-256 scalar
     *     of 32 random bytes drawn again until it is from 1 to n - 1
     * @throws IllegalArgumentException when {@code algorithm} is an HMAC
     */
    public static SigningKey generate(JwsAlgorithm algorithm, RandomSource random) {
        byte[] privateKey = random.bytes(P256.LENGTH);
        while (algorithm == JwsAlgorithm.ES256 && !P256.isPrivateKey(new BigInteger(1, privateKey))) {
            privateKey = random.bytes(P256.LENGTH);
        }
        return ofPrivateKey(algorithm, privateKey);
    }

    /**
     * @param privateKey the JWK {@code d}: 32 bytes
     * @return the key pair of {@code privateKey}, its key id the thumbprint of its public key
     * @throws IllegalArgumentException when {@code algorithm} is an HMAC, or {@code privateKey} is not 32
     *     bytes or (for P-256) not from 1 to n - 1
     */
    public static SigningKey ofPrivateKey(JwsAlgorithm algorithm, byte[] privateKey) {
        PublicJwk unnamed = publicKey("unnamed", algorithm, requireLength(algorithm, privateKey));
        return SigningKey.keyPair(privateKey, new PublicJwk(JwkThumbprint.of(unnamed), algorithm, unnamed.x(), unnamed.y()));
    }

    /**
     * @param keyId the key id the pair had when its private key was stored (a thumbprint or an imported key's own)
     * @param privateKey the JWK {@code d}: 32 bytes
     * @return the key pair of {@code privateKey} under {@code keyId}
     * @throws IllegalArgumentException as {@link #ofPrivateKey(JwsAlgorithm, byte[])} does
     */
    public static SigningKey ofPrivateKey(String keyId, JwsAlgorithm algorithm, byte[] privateKey) {
        return SigningKey.keyPair(privateKey, publicKey(keyId, algorithm, requireLength(algorithm, privateKey)));
    }

    private static byte[] requireLength(JwsAlgorithm algorithm, byte[] privateKey) {
        if (privateKey.length != P256.LENGTH) {
            throw new IllegalArgumentException("a private key of " + algorithm.jwsName() + " is 32 bytes, not " + privateKey.length);
        }
        return privateKey;
    }

    private static PublicJwk publicKey(String keyId, JwsAlgorithm algorithm, byte[] privateKey) {
        switch (algorithm) {
            case EdDSA, Ed25519 -> {
                byte[] x = new byte[Ed25519.PUBLIC_KEY_SIZE];
                Ed25519.generatePublicKey(privateKey, 0, x, 0);
                return new PublicJwk(keyId, algorithm, x, Optional.empty());
            }
            case ES256 -> {
                BigInteger d = new BigInteger(1, privateKey);
                if (!P256.isPrivateKey(d)) {
                    throw new IllegalArgumentException("a P-256 private key is from 1 to n - 1");
                }
                ECPoint q = P256_G.multiply(d).normalize();
                return new PublicJwk(keyId, algorithm, P256.bytes(q.getAffineXCoord().toBigInteger()),
                        Optional.of(P256.bytes(q.getAffineYCoord().toBigInteger())));
            }
            default -> throw new IllegalArgumentException(algorithm.jwsName() + " is an HMAC: its key is a secret, not a pair");
        }
    }
}

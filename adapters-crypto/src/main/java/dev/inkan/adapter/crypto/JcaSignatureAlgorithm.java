package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.SignatureAlgorithm;
import dev.inkan.token.JdkCrypto;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.PublicJwk;
import dev.inkan.token.SignatureVerifier;
import dev.inkan.token.Signer;
import dev.inkan.token.SigningKey;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;

/**
 * EdDSA (Ed25519) and ES256 through the JDK's {@code java.security.Signature}, one initialised
 * {@code Signature} per thread and key. ES256 goes through {@code SHA256withECDSAinP1363Format}, which
 * takes and gives the R ‖ S of JWS itself, so no DER is made or parsed. Verifying is the token
 * module's {@link JdkCrypto#verifier}, the one a resource server's verifier uses too, which checks
 * each public key is a point of its curve.
 *
 * <p>One gap of the JDK 17 is closed here: its ECDSA refuses a valid signature whose R is the x of
 * k·G reduced mod n (x at or above n, which happens to an honest signer once in 2^128 signatures;
 * Wycheproof's ecdsa P-256 tcId 115; later JDKs accept it): a signature the JDK refuses whose R is
 * small enough to be such a reduction is asked of Bouncy Castle, whose answer then stands.
 */
public final class JcaSignatureAlgorithm implements SignatureAlgorithm {

    @Override
    public Signer signer(SigningKey key) {
        PublicJwk publicKey = key.publicKey().orElseThrow(() ->
                new IllegalArgumentException("key '" + key.keyId() + "' is an HMAC key, not a key pair"));
        PrivateKey privateKey = privateKey(key, publicKey.algorithm());
        String name = JdkCrypto.jcaName(publicKey.algorithm());
        ThreadLocal<Signature> perThread = ThreadLocal.withInitial(() -> {
            Signature signature = newSignature(name);
            try {
                signature.initSign(privateKey);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(name + " refused the private key of '" + key.keyId() + "'", e);
            }
            return signature;
        });
        return (input, offset, length) -> {
            Signature signature = perThread.get();
            try {
                signature.update(input, offset, length);
                return signature.sign(); // also resets to the initialised state for the next call
            } catch (SignatureException e) {
                perThread.remove();
                throw new IllegalStateException(name + " failed to sign with '" + key.keyId() + "'", e);
            }
        };
    }

    @Override
    public SignatureVerifier verifier(PublicJwk key) {
        SignatureVerifier jdk = JdkCrypto.verifier(key);
        if (key.algorithm() != JwsAlgorithm.ES256) {
            return jdk;
        }
        SignatureVerifier reducedR = new BouncyCastleSignatureAlgorithm().verifier(key);
        int length = key.algorithm().signatureLength();
        return (input, offset, inputLength, signature) -> jdk.verify(input, offset, inputLength, signature)
                || signature.length == length && P256.integer(signature, 0).compareTo(P256.P.subtract(P256.N)) < 0
                        && reducedR.verify(input, offset, inputLength, signature);
    }

    private static PrivateKey privateKey(SigningKey key, JwsAlgorithm algorithm) {
        byte[] d = key.secret();
        try {
            if (algorithm == JwsAlgorithm.ES256) {
                BigInteger scalar = new BigInteger(1, d);
                if (!P256.isPrivateKey(scalar)) {
                    throw new IllegalArgumentException("key '" + key.keyId() + "': d is not a P-256 private key (from 1 to n - 1)");
                }
                return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(scalar, JdkCrypto.p256()));
            }
            return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, d));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("key '" + key.keyId() + "': the JDK refused its private key ("
                    + e.getClass().getSimpleName() + ")");
        } finally {
            Arrays.fill(d, (byte) 0);
        }
    }

    private static Signature newSignature(String name) {
        try {
            return Signature.getInstance(name);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(name + " is not available in this JDK", e);
        }
    }
}

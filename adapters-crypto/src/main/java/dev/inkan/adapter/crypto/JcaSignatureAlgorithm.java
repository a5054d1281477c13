package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.SignatureAlgorithm;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.PublicJwk;
import dev.inkan.token.SignatureVerifier;
import dev.inkan.token.Signer;
import dev.inkan.token.SigningKey;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * EdDSA (Ed25519) and ES256 through the JDK's {@code java.security.Signature}, one initialised
 * {@code Signature} per thread and key. ES256 goes through {@code SHA256withECDSAinP1363Format}, which
 * takes and gives the R ‖ S of JWS itself, so no DER is made or parsed.
 *
 * <p>Two gaps of the JDK 17 are closed here. Its Ed25519 key factory takes any 32 bytes, so a public key
 * is first decoded as RFC 8032 5.1.3 does and refused unless it is a point. And its ECDSA refuses a
 * valid signature whose R is the x of k·G reduced mod n (x at or above n, which happens to an honest
 * signer once in 2^128 signatures; Wycheproof's ecdsa P-256 tcId 115; later JDKs accept it): a
 * signature the JDK refuses whose R is small enough to be such a reduction is asked of Bouncy Castle,
 * whose answer then stands.
 */
public final class JcaSignatureAlgorithm implements SignatureAlgorithm {

    /** The DER of an Ed25519 SubjectPublicKeyInfo (RFC 8410) before its 32 key bytes. */
    private static final byte[] ED25519_PUBLIC_KEY_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    @Override
    public Signer signer(SigningKey key) {
        PublicJwk publicKey = key.publicKey().orElseThrow(() ->
                new IllegalArgumentException("key '" + key.keyId() + "' is an HMAC key, not a key pair"));
        PrivateKey privateKey = privateKey(key, publicKey.algorithm());
        String name = jcaName(publicKey.algorithm());
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
        PublicKey publicKey = publicKey(key);
        String name = jcaName(key.algorithm());
        ThreadLocal<Signature> perThread = ThreadLocal.withInitial(() -> {
            Signature signature = newSignature(name);
            try {
                signature.initVerify(publicKey);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(name + " refused the public key of '" + key.keyId() + "'", e);
            }
            return signature;
        });
        int length = key.algorithm().signatureLength();
        SignatureVerifier jdk = (input, offset, inputLength, signature) -> {
            if (signature.length != length) {
                return false;
            }
            Signature verifier = perThread.get();
            try {
                verifier.update(input, offset, inputLength);
                return verifier.verify(signature); // also resets to the initialised state for the next call
            } catch (SignatureException e) {
                // An encoding the JDK cannot read is no signature; start the next call from a fresh object.
                perThread.remove();
                return false;
            }
        };
        if (key.algorithm() != JwsAlgorithm.ES256) {
            return jdk;
        }
        SignatureVerifier reducedR = new BouncyCastleSignatureAlgorithm().verifier(key);
        return (input, offset, inputLength, signature) -> jdk.verify(input, offset, inputLength, signature)
                || signature.length == length && P256.integer(signature, 0).compareTo(P256.P.subtract(P256.N)) < 0
                        && reducedR.verify(input, offset, inputLength, signature);
    }

    private static String jcaName(JwsAlgorithm algorithm) {
        return switch (algorithm) {
            case EdDSA, Ed25519 -> "Ed25519";
            case ES256 -> "SHA256withECDSAinP1363Format";
            default -> throw new IllegalArgumentException(algorithm.jwsName() + " is an HMAC, not a signature algorithm");
        };
    }

    private static PrivateKey privateKey(SigningKey key, JwsAlgorithm algorithm) {
        byte[] d = key.secret();
        try {
            if (algorithm == JwsAlgorithm.ES256) {
                BigInteger scalar = new BigInteger(1, d);
                if (!P256.isPrivateKey(scalar)) {
                    throw new IllegalArgumentException("key '" + key.keyId() + "': d is not a P-256 private key (from 1 to n - 1)");
                }
                return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(scalar, p256()));
            }
            return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, d));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("key '" + key.keyId() + "': the JDK refused its private key ("
                    + e.getClass().getSimpleName() + ")");
        } finally {
            Arrays.fill(d, (byte) 0);
        }
    }

    private static PublicKey publicKey(PublicJwk key) {
        try {
            if (key.algorithm() == JwsAlgorithm.ES256) {
                BigInteger x = new BigInteger(1, key.x());
                BigInteger y = new BigInteger(1, key.y().orElseThrow());
                if (!P256.isOnCurve(x, y)) {
                    throw new IllegalArgumentException("key '" + key.keyId() + "': (x, y) is not a point of P-256");
                }
                return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), p256()));
            }
            if (key.algorithm().isHmac()) {
                throw new IllegalArgumentException(key.algorithm().jwsName() + " is an HMAC, not a signature algorithm");
            }
            if (!Ed25519Point.decodes(key.x())) {
                throw new IllegalArgumentException("key '" + key.keyId() + "': x is no point of Ed25519 (RFC 8032 5.1.3)");
            }
            byte[] encoded = Arrays.copyOf(ED25519_PUBLIC_KEY_PREFIX, ED25519_PUBLIC_KEY_PREFIX.length + 32);
            System.arraycopy(key.x(), 0, encoded, ED25519_PUBLIC_KEY_PREFIX.length, 32);
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("key '" + key.keyId() + "': x is not an " + key.curve() + " public key ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static ECParameterSpec p256() throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    private static Signature newSignature(String name) {
        try {
            return Signature.getInstance(name);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(name + " is not available in this JDK", e);
        }
    }
}

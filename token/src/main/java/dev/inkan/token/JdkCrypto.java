package dev.inkan.token;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JDK's own MAC and signature verification for the format's keys, so that a verifier needs
 * nothing but the JDK: HS256/384/512 through {@code javax.crypto.Mac} and EdDSA (Ed25519) and ES256
 * through {@code java.security.Signature}, one initialised object per thread and key, each key checked
 * once. ES256 goes through {@code SHA256withECDSAinP1363Format}, which takes the R ‖ S of JWS itself,
 * so no DER is made or parsed.
 *
 * <p>The JDK 17's Ed25519 key factory takes any 32 bytes, so a public key is first decoded as RFC 8032
 * 5.1.3 does and refused unless it is a point, and an EC point is refused unless it is on P-256. Its
 * ECDSA also refuses the valid signature whose R is the x of k·G reduced mod n (x at or above n, once in
 * 2^128 honest signatures; later JDKs accept it): refusing is safe, and a server that must accept it
 * asks a second provider (Inkan's JCA adapter asks Bouncy Castle).
 */
public final class JdkCrypto {

    /** The DER of an Ed25519 SubjectPublicKeyInfo (RFC 8410) before its 32 key bytes. */
    private static final byte[] ED25519_PUBLIC_KEY_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    /** P-256's field prime p and its b (its a is -3): FIPS 186-4 D.1.2.3. */
    private static final BigInteger P256_P = new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static final BigInteger P256_B = new BigInteger("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);

    private JdkCrypto() {
    }

    /**
     * @param key an HMAC key
     * @return a thread-safe MAC of the key's algorithm under it, prepared once: each thread clones an
     *     initialised {@code javax.crypto.Mac}, so computing one creates no key schedule
     * @throws IllegalArgumentException when the key is not an HMAC key
     */
    public static Mac hmac(SigningKey key) {
        String jcaName = switch (key.algorithm()) {
            case HS256 -> "HmacSHA256";
            case HS384 -> "HmacSHA384";
            case HS512 -> "HmacSHA512";
            default -> throw new IllegalArgumentException(key.algorithm().jwsName() + " is not an HMAC");
        };
        SecretKeySpec spec = new SecretKeySpec(key.secret(), jcaName);
        javax.crypto.Mac prototype = newMac(spec);
        ThreadLocal<javax.crypto.Mac> perThread = ThreadLocal.withInitial(() -> copyOf(prototype, spec));
        return (input, offset, length) -> {
            javax.crypto.Mac mac = perThread.get();
            mac.update(input, offset, length);
            return mac.doFinal();
        };
    }

    /**
     * @param key the public key of an EdDSA or ES256 pair
     * @return a thread-safe verifier of the key's algorithm under it, which refuses every signature not of
     *     the algorithm's one length and every encoding the JDK cannot read
     * @throws IllegalArgumentException when the key is not a point of its curve, naming the key
     */
    public static SignatureVerifier verifier(PublicJwk key) {
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
        return (input, offset, inputLength, signature) -> {
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
    }

    /** @return the JCA name of a public-key algorithm's signature */
    public static String jcaName(JwsAlgorithm algorithm) {
        return switch (algorithm) {
            case EdDSA, Ed25519 -> "Ed25519";
            case ES256 -> "SHA256withECDSAinP1363Format";
            default -> throw new IllegalArgumentException(algorithm.jwsName() + " is an HMAC, not a signature algorithm");
        };
    }

    /** @return P-256's domain parameters, as the JDK names them */
    public static ECParameterSpec p256() throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    private static PublicKey publicKey(PublicJwk key) {
        try {
            if (key.algorithm() == JwsAlgorithm.ES256) {
                BigInteger x = new BigInteger(1, key.x());
                BigInteger y = new BigInteger(1, key.y().orElseThrow());
                if (!isOnP256(x, y)) {
                    throw new IllegalArgumentException("key '" + key.keyId() + "': (x, y) is not a point of P-256");
                }
                return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), p256()));
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

    /** @return whether {@code (x, y)} is a point of P-256 (so neither coordinate reaches p) */
    private static boolean isOnP256(BigInteger x, BigInteger y) {
        if (x.compareTo(P256_P) >= 0 || y.compareTo(P256_P) >= 0) {
            return false;
        }
        BigInteger right = x.pow(3).subtract(x.multiply(BigInteger.valueOf(3))).add(P256_B).mod(P256_P);
        return y.modPow(BigInteger.TWO, P256_P).equals(right);
    }

    private static javax.crypto.Mac newMac(SecretKeySpec spec) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance(spec.getAlgorithm());
            mac.init(spec);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(spec.getAlgorithm() + " is not available in this JDK", e);
        }
    }

    /** Cloning skips the key schedule; a provider whose Mac cannot clone gets a fresh init instead. */
    private static javax.crypto.Mac copyOf(javax.crypto.Mac prototype, SecretKeySpec spec) {
        try {
            return (javax.crypto.Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newMac(spec);
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

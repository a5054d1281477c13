package dev.inkan.token;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test fixtures: key pairs made by the JDK, as {@link JwsKey}s whose signer and verifier are the JCA's
 * and whose verifier counts its calls, and their {@link PublicJwk} (the JWK coordinates).
 */
final class JcaPairs {

    private JcaPairs() {
    }

    /** A fresh pair of {@code algorithm}, its key and its public JWK. */
    static Pair pair(String kid, JwsAlgorithm algorithm) {
        try {
            KeyPair pair = generator(algorithm).generateKeyPair();
            return new Pair(kid, algorithm, pair, publicJwk(kid, algorithm, pair));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPairGenerator generator(JwsAlgorithm algorithm) throws GeneralSecurityException {
        if (algorithm == JwsAlgorithm.ES256) {
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"));
            return ec;
        }
        return KeyPairGenerator.getInstance("Ed25519");
    }

    static String jcaName(JwsAlgorithm algorithm) {
        return algorithm == JwsAlgorithm.ES256 ? "SHA256withECDSAinP1363Format" : "Ed25519";
    }

    private static PublicJwk publicJwk(String kid, JwsAlgorithm algorithm, KeyPair pair) {
        if (pair.getPublic() instanceof ECPublicKey ec) {
            return new PublicJwk(kid, algorithm, unsigned32(ec.getW().getAffineX()), Optional.of(unsigned32(ec.getW().getAffineY())));
        }
        EdECPublicKey ed = (EdECPublicKey) pair.getPublic();
        byte[] y = unsigned32(ed.getPoint().getY());
        byte[] x = new byte[32];
        for (int i = 0; i < 32; i++) {
            x[i] = y[31 - i]; // RFC 8032 5.1.2: little-endian y, the sign of x in the top bit
        }
        if (ed.getPoint().isXOdd()) {
            x[31] |= (byte) 0x80;
        }
        return new PublicJwk(kid, algorithm, x, Optional.empty());
    }

    private static byte[] unsigned32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
        return out;
    }

    /** One pair: its JWK, and the {@link JwsKey} over JCA's signature with a counting verifier. */
    static final class Pair {
        final String kid;
        final JwsAlgorithm algorithm;
        final KeyPair keys;
        final PublicJwk jwk;
        final AtomicInteger verified = new AtomicInteger();

        Pair(String kid, JwsAlgorithm algorithm, KeyPair keys, PublicJwk jwk) {
            this.kid = kid;
            this.algorithm = algorithm;
            this.keys = keys;
            this.jwk = jwk;
        }

        JwsKey key() {
            return JwsKey.signature(kid, algorithm, this::sign, this::verify);
        }

        byte[] sign(byte[] input, int offset, int length) {
            try {
                Signature signature = Signature.getInstance(jcaName(algorithm));
                signature.initSign(keys.getPrivate());
                signature.update(input, offset, length);
                return signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        boolean verify(byte[] input, int offset, int length, byte[] signature) {
            verified.incrementAndGet();
            try {
                Signature verifier = Signature.getInstance(jcaName(algorithm));
                verifier.initVerify(keys.getPublic());
                verifier.update(input, offset, length);
                return verifier.verify(signature);
            } catch (java.security.SignatureException e) {
                return false;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** @return how often the verifier ran */
        int verified() {
            return verified.get();
        }

        /** @return the public key's {@code x}, which an attacker knows */
        byte[] x() {
            return Arrays.copyOf(jwk.x(), 32);
        }
    }
}

package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.SignatureAlgorithm;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.PublicJwk;
import dev.inkan.token.SignatureVerifier;
import dev.inkan.token.Signer;
import dev.inkan.token.SigningKey;
import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * EdDSA (Ed25519) and ES256 through Bouncy Castle's lightweight API: RFC 8032's {@code Ed25519} with
 * the public point decoded once, and {@code ECDSASigner} on its constant-time P-256 (the custom
 * curve {@code secp256r1}), deterministic as RFC 6979 makes it, so signing needs no randomness. R and
 * S are read and written as JWS's two 32-byte big-endian integers, never DER.
 */
public final class BouncyCastleSignatureAlgorithm implements SignatureAlgorithm {

    private static final X9ECParameters SECP256R1 = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters P256_DOMAIN = new ECDomainParameters(SECP256R1);
    private static final int SIGNATURE_LENGTH = 64;

    @Override
    public Signer signer(SigningKey key) {
        PublicJwk publicKey = key.publicKey().orElseThrow(() ->
                new IllegalArgumentException("key '" + key.keyId() + "' is an HMAC key, not a key pair"));
        return switch (publicKey.algorithm()) {
            case EdDSA, Ed25519 -> ed25519Signer(key.secret());
            case ES256 -> es256Signer(key);
            default -> throw new IllegalArgumentException(publicKey.algorithm().jwsName() + " is not a signature algorithm");
        };
    }

    @Override
    public SignatureVerifier verifier(PublicJwk key) {
        return switch (key.algorithm()) {
            case EdDSA, Ed25519 -> ed25519Verifier(key);
            case ES256 -> es256Verifier(key);
            default -> throw new IllegalArgumentException(key.algorithm().jwsName() + " is not a signature algorithm");
        };
    }

    /** Signs with the public key derived from the private key itself, never with one given beside it. */
    private static Signer ed25519Signer(byte[] privateKey) {
        byte[] publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(privateKey, 0, publicKey, 0);
        return (input, offset, length) -> {
            byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
            Ed25519.sign(privateKey, 0, publicKey, 0, input, offset, length, signature, 0);
            return signature;
        };
    }

    private static SignatureVerifier ed25519Verifier(PublicJwk key) {
        Ed25519.PublicPoint point = Ed25519.validatePublicKeyPartialExport(key.x(), 0);
        if (point == null) {
            throw new IllegalArgumentException("key '" + key.keyId() + "': x is not an Ed25519 public key");
        }
        return (input, offset, length, signature) ->
                signature.length == Ed25519.SIGNATURE_SIZE && Ed25519.verify(signature, 0, point, input, offset, length);
    }

    private static Signer es256Signer(SigningKey key) {
        BigInteger d = new BigInteger(1, key.secret());
        if (!P256.isPrivateKey(d)) {
            throw new IllegalArgumentException("key '" + key.keyId() + "': d is not a P-256 private key (from 1 to n - 1)");
        }
        ECPrivateKeyParameters privateKey = new ECPrivateKeyParameters(d, P256_DOMAIN);
        // ECDSASigner, its k calculator and the digest all keep state between calls: one of each per thread.
        ThreadLocal<Es256> perThread = ThreadLocal.withInitial(() -> {
            ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            signer.init(true, privateKey);
            return new Es256(signer, new SHA256Digest());
        });
        return (input, offset, length) -> {
            Es256 es256 = perThread.get();
            BigInteger[] rs = es256.signer().generateSignature(es256.hash(input, offset, length));
            byte[] signature = new byte[SIGNATURE_LENGTH];
            P256.write(rs[0], signature, 0);
            P256.write(rs[1], signature, P256.LENGTH);
            return signature;
        };
    }

    private static SignatureVerifier es256Verifier(PublicJwk key) {
        BigInteger x = new BigInteger(1, key.x());
        BigInteger y = new BigInteger(1, key.y().orElseThrow());
        ECPublicKeyParameters publicKey;
        try {
            publicKey = new ECPublicKeyParameters(P256_DOMAIN.getCurve().validatePoint(x, y), P256_DOMAIN);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key '" + key.keyId() + "': (x, y) is not a point of P-256");
        }
        ThreadLocal<Es256> perThread = ThreadLocal.withInitial(() -> {
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, publicKey);
            return new Es256(verifier, new SHA256Digest());
        });
        return (input, offset, length, signature) -> {
            if (signature.length != SIGNATURE_LENGTH) {
                return false;
            }
            Es256 es256 = perThread.get();
            // R and S as unsigned integers; verifySignature refuses either outside [1, n - 1].
            return es256.signer().verifySignature(es256.hash(input, offset, length), P256.integer(signature, 0),
                    P256.integer(signature, P256.LENGTH));
        };
    }

    /** One thread's ECDSA state: the signer or verifier and its SHA-256. */
    private record Es256(ECDSASigner signer, SHA256Digest digest) {

        byte[] hash(byte[] input, int offset, int length) {
            digest.update(input, offset, length);
            byte[] hash = new byte[digest.getDigestSize()];
            digest.doFinal(hash, 0);
            return hash;
        }
    }
}

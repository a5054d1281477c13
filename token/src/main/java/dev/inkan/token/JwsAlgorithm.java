package dev.inkan.token;

import java.util.Optional;

/**
 * The JWS algorithms a token is signed with: the HMACs of RFC 7518 3.2, EdDSA over Ed25519 (RFC 8037;
 * {@code Ed25519} is its fully specified name of RFC 9864), and ECDSA over P-256 with SHA-256 (RFC 7518
 * 3.4), each with the length of its MAC or signature and the JWK key type (and curve) of its keys.
 */
public enum JwsAlgorithm {
    HS256(32, "oct", null),
    HS384(48, "oct", null),
    HS512(64, "oct", null),
    /** Ed25519 under the name of RFC 8037; the signature is R ‖ S, 64 bytes (RFC 8032 5.1.6). */
    EdDSA(64, "OKP", "Ed25519"),
    /** The same algorithm under its fully specified name (RFC 9864), which a header then carries. */
    Ed25519(64, "OKP", "Ed25519"),
    /** ECDSA on P-256 with SHA-256; the signature is R ‖ S, two 32-byte big-endian integers, never DER (RFC 7518 3.4). */
    ES256(64, "EC", "P-256");

    /** The bytes of each coordinate and of the private key of the public-key algorithms (Ed25519 and P-256 alike). */
    static final int KEY_PART_LENGTH = 32;

    private final int signatureLength;
    private final String keyType;
    private final String curve;

    JwsAlgorithm(int signatureLength, String keyType, String curve) {
        this.signatureLength = signatureLength;
        this.keyType = keyType;
        this.curve = curve;
    }

    /** @return whether this is an HMAC, whose one symmetric key both signs and verifies */
    public boolean isHmac() {
        return curve == null;
    }

    /** @return the length in bytes of the MAC or signature, the one length a token of this algorithm may carry */
    public int signatureLength() {
        return signatureLength;
    }

    /**
     * @return the length in bytes of the MAC, which RFC 7518 3.2 also makes the minimum key length
     * @throws IllegalStateException for a public-key algorithm, which has no MAC
     */
    public int macLength() {
        if (!isHmac()) {
            throw new IllegalStateException(name() + " is a public-key algorithm: it has a signature, not a MAC");
        }
        return signatureLength;
    }

    /** @return the JWK {@code kty} of this algorithm's keys: {@code oct}, {@code OKP} or {@code EC} */
    public String keyType() {
        return keyType;
    }

    /** @return the JWK {@code crv} of this algorithm's keys ({@code Ed25519}, {@code P-256}); none for an HMAC */
    public Optional<String> curve() {
        return Optional.ofNullable(curve);
    }

    /** @return the JWS {@code alg} name, exactly as it appears in a header */
    public String jwsName() {
        return name();
    }

    /** @return the algorithm of an {@code alg} header value, looked up exactly (case-sensitive, as RFC 7515 requires) */
    public static Optional<JwsAlgorithm> fromJwsName(String name) {
        for (JwsAlgorithm algorithm : values()) {
            if (algorithm.jwsName().equals(name)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}

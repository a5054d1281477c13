package dev.inkan.benchmarks;

import dev.inkan.adapter.crypto.BouncyCastleSignatureAlgorithm;
import dev.inkan.adapter.crypto.JcaMacAlgorithm;
import dev.inkan.adapter.crypto.JcaSignatureAlgorithm;
import dev.inkan.adapter.crypto.KeyPairs;
import dev.inkan.adapter.crypto.SecureRandomSource;
import dev.inkan.adapter.crypto.StaticKeyRing;
import dev.inkan.application.port.out.SignatureAlgorithm;
import dev.inkan.application.tokens.AccessTokens;
import dev.inkan.domain.Email;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.PublicJwk;
import dev.inkan.token.SignatureVerifier;
import dev.inkan.token.Signer;
import dev.inkan.token.SigningKey;
import dev.inkan.token.TokenRules;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the signature benchmarks share: one key pair of the algorithm (its id its thumbprint, as the
 * server names a generated pair), the same rules as {@link TokenFixture}, one token Inkan issued
 * with the usual claims, and the pair as the JDK's key objects for the libraries and the floor.
 */
final class SignatureFixture {

    final JwsAlgorithm algorithm;
    final SigningKey key;
    final User user = new User(new UserId(UUID.randomUUID()), new Email("bench@example.com"), new PasswordHash("$argon2id$x"),
            TokenFixture.CLOCK.instant(), List.of(), 0, Optional.empty());
    final SessionId session = new SessionId(UUID.randomUUID());
    final AccessTokens jcaTokens;
    final AccessTokens bouncyCastleTokens;
    /** Inkan's token work with a signature that costs nothing: what Inkan adds to the floor. */
    final AccessTokens freeSignatureTokens;
    final String token;
    /** A token of {@link #freeSignatureTokens}, with the same claims as {@link #token}. */
    final String freeSignatureToken;
    final PublicKey publicKey;
    final PrivateKey privateKey;

    SignatureFixture(JwsAlgorithm algorithm) {
        this.algorithm = algorithm;
        key = KeyPairs.generate(algorithm, new SecureRandomSource());
        jcaTokens = tokens(new JcaSignatureAlgorithm(), TokenFixture.RULES);
        bouncyCastleTokens = tokens(new BouncyCastleSignatureAlgorithm(), TokenFixture.RULES);
        freeSignatureTokens = tokens(FREE_SIGNATURE, TokenFixture.RULES);
        var claims = jcaTokens.claimsFor(user, session, UUID.randomUUID().toString(), Map.of(), TokenFixture.CLOCK.instant());
        token = jcaTokens.sign(claims);
        freeSignatureToken = freeSignatureTokens.sign(claims);
        try {
            publicKey = publicKey(key.publicKey().orElseThrow());
            privateKey = privateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A signature that is 64 fixed bytes and always verifies: never for tokens, only to measure what
     * the token format does around the signature (form, header, length check, claims, rules).
     */
    private static final SignatureAlgorithm FREE_SIGNATURE = new SignatureAlgorithm() {
        private final byte[] signature = new byte[64];

        @Override
        public Signer signer(SigningKey key) {
            return (input, offset, length) -> signature.clone();
        }

        @Override
        public SignatureVerifier verifier(PublicJwk key) {
            return (input, offset, length, presented) -> true;
        }
    };

    /** @return access tokens under this fixture's pair, with {@code signatures} and {@code rules} */
    AccessTokens tokens(SignatureAlgorithm signatures, TokenRules rules) {
        return new AccessTokens(new StaticKeyRing(List.of(key)), new JcaMacAlgorithm(), signatures, rules, TokenFixture.ACCESS_TTL);
    }

    /** @return the JCA algorithm name of the bare signature, on the same bytes as JWS signs (R ‖ S for ES256) */
    String jcaName() {
        return algorithm == JwsAlgorithm.ES256 ? "SHA256withECDSAinP1363Format" : "Ed25519";
    }

    private static PublicKey publicKey(PublicJwk jwk) throws GeneralSecurityException {
        if (jwk.algorithm() == JwsAlgorithm.ES256) {
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                    new ECPoint(new BigInteger(1, jwk.x()), new BigInteger(1, jwk.y().orElseThrow())), p256()));
        }
        byte[] der = HexFormat.of().parseHex("302a300506032b6570032100" + HexFormat.of().formatHex(jwk.x()));
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    }

    private PrivateKey privateKey() throws GeneralSecurityException {
        if (algorithm == JwsAlgorithm.ES256) {
            return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(new BigInteger(1, key.secret()), p256()));
        }
        return KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, key.secret()));
    }

    private static ECParameterSpec p256() throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }
}

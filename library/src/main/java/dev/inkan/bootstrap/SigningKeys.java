package dev.inkan.bootstrap;

import dev.inkan.adapter.crypto.AesGcmKeyEncryption;
import dev.inkan.adapter.crypto.BouncyCastleMacAlgorithm;
import dev.inkan.adapter.crypto.BouncyCastleSignatureAlgorithm;
import dev.inkan.adapter.crypto.JcaMacAlgorithm;
import dev.inkan.adapter.crypto.JcaSignatureAlgorithm;
import dev.inkan.adapter.crypto.RandomKeyGenerator;
import dev.inkan.adapter.crypto.SecureRandomSource;
import dev.inkan.adapter.persistence.JdbiDatabase;
import dev.inkan.application.port.in.AdministerKeysUseCase;
import dev.inkan.application.port.in.GetPublicKeysUseCase;
import dev.inkan.application.port.out.KeyGenerator;
import dev.inkan.application.port.out.KeyRing;
import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.application.port.out.SignatureAlgorithm;
import dev.inkan.application.port.out.SigningKeyStore;
import dev.inkan.application.port.out.UnreadableKeyException;
import dev.inkan.application.service.AdministerKeysService;
import dev.inkan.application.service.GetPublicKeysService;
import dev.inkan.application.tokens.AccessTokens;
import dev.inkan.application.tokens.StoredKeyRing;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.SigningKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signing keys of one {@link Inkan} and what is made of them: the key ring, the access tokens,
 * the public keys of the JWKS, and, when the keys are kept in the database, the use case that rotates
 * them and the thread on which the ring is evaluated again whenever a key starts signing or retires.
 */
final class SigningKeys implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);

    private final AccessTokens accessTokens;
    private final GetPublicKeysUseCase publicKeys;
    private final Optional<AdministerKeysUseCase> administration;
    private final Runnable stop;

    private SigningKeys(KeyRing ring, AccessTokens accessTokens, Choices choices, Optional<AdministerKeysUseCase> administration,
                        Runnable stop) {
        this.accessTokens = accessTokens;
        this.publicKeys = new GetPublicKeysService(ring, choices.rules().issuer(), choices.keyStore().publishDelay());
        this.administration = administration;
        this.stop = stop;
    }

    /**
     * The keys of the file sources, or the application's own, fixed while Inkan runs; read before any
     * database is opened, so that a problem with them is told first.
     *
     * @throws IllegalStateException when no keys were given
     * @throws IllegalArgumentException naming where the keys came from, when they are refused
     */
    static SigningKeys fixed(Choices choices) {
        KeySource keys = choices.keys().orElseThrow(() -> new IllegalStateException(
                "no signing keys: call secret(…), jwkSet(…), keyRing(…) or keys(…), or give configuration(…) "
                        + KeyRingLoader.SECRET + " or " + KeyRingLoader.KEYS_FILE));
        KeyRing ring = keys.keys(choices.algorithm());
        return new SigningKeys(ring, accessTokens(keys.origin(), ring, choices), choices, Optional.empty(), () -> { });
    }

    /**
     * The keys kept in {@code database}. On the first start, with no key stored yet, it stores the
     * keys the file sources give, or else a new key of the configured algorithm.
     *
     * @throws IllegalArgumentException naming where the key-encryption key came from and the key, when
     *     a stored key does not decrypt with it; or naming the first keys' origin when they are refused
     * @throws IllegalStateException when no stored key signs now
     */
    static SigningKeys stored(Choices choices, JdbiDatabase database) {
        KeyStoreSettings settings = choices.keyStore();
        Duration reach = choices.policy().accessTtl().plus(choices.rules().leeway());
        var encryption = new AesGcmKeyEncryption(settings.encryptionKey().orElseThrow(), new SecureRandom());
        var generator = new RandomKeyGenerator(new SecureRandomSource());
        SigningKeyStore store = database.signingKeyStore(choices.policy().accessTtl(), choices.rules().leeway(), choices.clock());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "inkan-signing-keys");
            thread.setDaemon(true);
            return thread;
        });
        StoredKeyRing ring = null;
        try {
            ring = StoredKeyRing.open(store, encryption, () -> firstKeys(choices, generator), reach, choices.clock(), timer);
            AccessTokens tokens = accessTokens("the signing keys in the database", ring, choices);
            var administration = new AdministerKeysService(store, encryption, generator, choices.algorithm(),
                    algorithm -> requireIssuerFor(algorithm, choices), settings.publishDelay(), reach, choices.clock());
            LOG.info("Signing keys are kept in the database, encrypted under the key-encryption key of {}; key {} signs",
                    settings.encryptionKeyOrigin(), ring.keys().get(0).keyId());
            StoredKeyRing opened = ring;
            return new SigningKeys(ring, tokens, choices, Optional.of(administration), () -> {
                opened.close();
                timer.shutdownNow();
            });
        } catch (UnreadableKeyException e) {
            close(ring, timer);
            throw new IllegalArgumentException(settings.encryptionKeyOrigin() + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            close(ring, timer);
            throw e;
        }
    }

    private static void close(StoredKeyRing ring, ScheduledExecutorService timer) {
        if (ring != null) {
            ring.close();
        }
        timer.shutdownNow();
    }

    /**
     * What the first start with an empty table stores: the keys of the file sources (checked as the
     * token format would take them), so that switching to the database logs nobody out; else a new key.
     */
    private static List<SigningKey> firstKeys(Choices choices, KeyGenerator generator) {
        if (choices.keys().isPresent()) {
            KeySource source = choices.keys().get();
            KeyRing ring = source.keys(choices.algorithm());
            accessTokens(source.origin(), ring, choices);
            LOG.info("The database holds no signing key yet: stored the {} key(s) of {} there", ring.keys().size(), source.origin());
            return ring.keys();
        }
        SigningKey key = generator.generate(choices.algorithm());
        LOG.info("The database holds no signing key yet: made a new {} key there, {}", choices.algorithm().jwsName(), key.keyId());
        return List.of(key);
    }

    /** A key pair is found by resource servers at the issuer: a new one needs an issuer that is a URL. */
    private static void requireIssuerFor(JwsAlgorithm algorithm, Choices choices) {
        if (!algorithm.isHmac()) {
            String issuer = choices.rules().issuer();
            IssuerUrl.problemAsIssuer(issuer).ifPresent(problem -> {
                throw new IllegalArgumentException(TokenSettings.issuerProblem(algorithm, issuer, problem));
            });
        }
    }

    /** @throws IllegalArgumentException naming where the keys came from, when the token format refuses them */
    private static AccessTokens accessTokens(String origin, KeyRing ring, Choices choices) {
        MacAlgorithm mac = choices.macAlgorithm().orElseGet(() -> switch (choices.cryptoProvider()) {
            case JCA -> new JcaMacAlgorithm();
            case BOUNCYCASTLE -> new BouncyCastleMacAlgorithm();
        });
        SignatureAlgorithm signatures = switch (choices.cryptoProvider()) {
            case JCA -> new JcaSignatureAlgorithm();
            case BOUNCYCASTLE -> new BouncyCastleSignatureAlgorithm();
        };
        try {
            return new AccessTokens(ring, mac, signatures, choices.rules(), choices.policy().accessTtl());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
    }

    AccessTokens accessTokens() {
        return accessTokens;
    }

    GetPublicKeysUseCase publicKeys() {
        return publicKeys;
    }

    /** @return the use case of {@code keys rotate}, {@code list} and {@code retire}, when the keys are in the database */
    Optional<AdministerKeysUseCase> administration() {
        return administration;
    }

    /** Stops evaluating the keys again (the database's keys). */
    @Override
    public void close() {
        stop.run();
    }
}

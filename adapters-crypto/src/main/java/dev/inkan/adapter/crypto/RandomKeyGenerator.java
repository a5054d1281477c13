package dev.inkan.adapter.crypto;

import dev.inkan.application.port.out.KeyGenerator;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.SigningKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * New signing keys from a {@link RandomSource}: an HMAC secret as long as its MAC (RFC 7518 3.2), or
 * a key pair of {@link KeyPairs}; the key id is the key's RFC 7638 thumbprint (of the public key, for a pair).
 */
public final class RandomKeyGenerator implements KeyGenerator {

    private final RandomSource random;

    public RandomKeyGenerator(RandomSource random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public SigningKey generate(JwsAlgorithm algorithm) {
        if (!algorithm.isHmac()) {
            return KeyPairs.generate(algorithm, random);
        }
        byte[] secret = random.bytes(algorithm.macLength());
        try {
            return new SigningKey(JwkThumbprint.ofOctetKey(secret), algorithm, secret);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}

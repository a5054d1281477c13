package dev.inkan.application.service;

import dev.inkan.application.port.out.KeyRing;
import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.application.port.out.MacAlgorithm.KeyedMac;
import dev.inkan.domain.SigningKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The refresh token that follows a given one: {@code base64url(HMAC(K, presented))} under a key
 * derived from the signing key. Being a function of the presented token, the successor can be
 * handed again to a concurrent retry (two browser tabs) within the grace window, while only its
 * hash is ever stored; without the server's key nobody can compute it.
 */
public final class SuccessorTokens {

    private static final byte[] LABEL = "inkan/refresh-token-successor/v1".getBytes(StandardCharsets.US_ASCII);

    private final KeyedMac mac;

    /** Derives the successor key from the ring's signing key, so no further secret has to be configured. */
    public SuccessorTokens(MacAlgorithm algorithm, KeyRing keys) {
        SigningKey signing = keys.keys().get(0);
        byte[] derived = algorithm.keyed(signing).compute(LABEL, 0, LABEL.length);
        this.mac = algorithm.keyed(new SigningKey("refresh-successor", derived));
        Arrays.fill(derived, (byte) 0);
    }

    /** @return the 256-bit successor of {@code presented}, as unpadded base64url */
    String successorOf(String presented) {
        byte[] input = presented.getBytes(StandardCharsets.UTF_8);
        return Base64Url.encode(Arrays.copyOf(mac.compute(input, 0, input.length), TokenIssuer.REFRESH_TOKEN_BYTES));
    }
}

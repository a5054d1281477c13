package dev.inkan.application.tokens;

import dev.inkan.token.Mac;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The refresh token that follows a given one: {@code base64url(HMAC(K, presented))}, truncated to
 * 256 bits, under a secret of its own that every instance shares (never a signing key, so a key
 * rotation does not change it and a ring without MAC keys still has it). Being a function of the
 * presented token, the successor can be handed again to a concurrent retry (two browser tabs)
 * within the grace window, on any instance, while only its hash is ever stored; without the
 * secret nobody can compute it.
 */
public final class SuccessorTokens {

    private final Mac mac;

    /** @param mac an HMAC (at least 256 bits) keyed with the successor secret */
    public SuccessorTokens(Mac mac) {
        this.mac = Objects.requireNonNull(mac, "mac");
    }

    /** @return the 256-bit successor of {@code presented}, as unpadded base64url */
    public String successorOf(String presented) {
        byte[] input = presented.getBytes(StandardCharsets.UTF_8);
        byte[] tag = mac.compute(input, 0, input.length);
        if (tag.length < TokenIssuer.REFRESH_TOKEN_BYTES) {
            throw new IllegalStateException("the successor MAC must give at least 256 bits");
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(tag, TokenIssuer.REFRESH_TOKEN_BYTES));
    }
}

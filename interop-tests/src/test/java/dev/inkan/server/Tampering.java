package dev.inkan.server;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;

/**
 * Test helper: a token altered as an attacker would, still well formed (three base64url parts, a
 * JSON payload, a signature of the right length), so that only its signature can tell.
 */
final class Tampering {

    private static final String SUBJECT = "\"sub\":\"";

    private Tampering() {
    }

    /** @return {@code token} whose {@code sub} has its last character changed: a claim to be another user */
    static String payloadByte(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        int start = payload.indexOf(SUBJECT);
        if (start < 0) {
            throw new IllegalArgumentException("the token has no sub");
        }
        int last = payload.indexOf('"', start + SUBJECT.length()) - 1;
        char other = payload.charAt(last) == '0' ? '1' : '0';
        String forged = payload.substring(0, last) + other + payload.substring(last + 1);
        return parts[0] + "." + encode(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** @return {@code token} with the lowest bit of its signature's first byte flipped */
    static String signatureBit(String token) {
        String[] parts = token.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[0] ^= 1;
        return parts[0] + "." + parts[1] + "." + encode(signature);
    }

    /** @return {@code token} whose header names the key {@code kid} instead of its own, its signature unchanged */
    static String keyId(String token, String kid) {
        String[] parts = token.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String forged = header.replaceFirst("\"kid\":\"[^\"]*\"", Matcher.quoteReplacement("\"kid\":\"" + kid + "\""));
        if (forged.equals(header)) {
            throw new IllegalArgumentException("the token's header has no kid");
        }
        return encode(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + "." + parts[2];
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

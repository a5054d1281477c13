package dev.inkan.application.service;

import dev.inkan.application.port.out.ClaimsCodec;
import dev.inkan.application.port.out.JoseHeader;
import dev.inkan.application.port.out.KeyRing;
import dev.inkan.application.port.out.MacAlgorithm;
import dev.inkan.application.port.out.MacAlgorithm.KeyedMac;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.InvalidTokenException.Reason;
import dev.inkan.domain.JwsAlgorithm;
import dev.inkan.domain.SigningKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Signs access tokens as compact JWS and verifies them strictly: exactly three canonical base64url
 * segments, a header with the one configured {@code alg} and a known {@code kid}, no {@code crit}
 * and no key-fetching parameters, a MAC compared in constant time, and only then the claims.
 * Everything that can be prepared (keyed MACs, the encoded header) is prepared once.
 */
public final class AccessTokenCodec {

    /** Tokens longer than this are refused before any parsing. */
    public static final int MAX_TOKEN_LENGTH = 8 * 1024;

    /** Header parameters that point at other keys; Inkan never fetches or trusts them, so it refuses them. */
    private static final Set<String> KEY_REFERENCE_PARAMETERS = Set.of("jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256");

    private final JwsAlgorithm algorithm;
    private final ClaimsCodec json;
    private final Map<String, KeyedMac> macByKeyId;
    /** The exact header segment Inkan writes for each key, as ASCII, and that key's MAC: such a header needs no parsing. */
    private final byte[][] ownHeaders;
    private final KeyedMac[] ownHeaderMacs;
    private final KeyedMac soleKeyMac;
    private final KeyedMac signingMac;
    private final byte[] signingHeader;

    /**
     * @throws IllegalArgumentException when the ring is empty, repeats a key id, or holds a key too
     *     short for the algorithm
     */
    public AccessTokenCodec(MacAlgorithm mac, KeyRing keyRing, ClaimsCodec json) {
        Objects.requireNonNull(mac, "mac");
        this.json = Objects.requireNonNull(json, "json");
        this.algorithm = mac.algorithm();
        List<SigningKey> keys = List.copyOf(keyRing.keys());
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("the key ring has no keys");
        }
        Map<String, KeyedMac> byId = new HashMap<>();
        for (SigningKey key : keys) {
            key.requireStrongEnoughFor(algorithm);
            if (byId.put(key.keyId(), mac.keyed(key)) != null) {
                throw new IllegalArgumentException("key id '" + key.keyId() + "' appears twice in the key ring");
            }
        }
        this.macByKeyId = Map.copyOf(byId);
        this.ownHeaders = new byte[keys.size()][];
        this.ownHeaderMacs = new KeyedMac[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            ownHeaders[i] = Base64Url.encode(json.encodeHeader(algorithm, keys.get(i).keyId())).getBytes(StandardCharsets.US_ASCII);
            ownHeaderMacs[i] = macByKeyId.get(keys.get(i).keyId());
        }
        this.signingHeader = ownHeaders[0];
        this.signingMac = ownHeaderMacs[0];
        this.soleKeyMac = keys.size() == 1 ? signingMac : null;
    }

    /** @return the compact JWS of {@code claims}, signed with the ring's first key */
    public String sign(AccessTokenClaims claims) {
        byte[] payload = json.encodeClaims(claims);
        int signatureAt = signingHeader.length + 1 + Base64Url.encodedLength(payload.length) + 1;
        byte[] token = new byte[signatureAt + Base64Url.encodedLength(algorithm.macLength())];
        System.arraycopy(signingHeader, 0, token, 0, signingHeader.length);
        token[signingHeader.length] = '.';
        int end = Base64Url.encode(payload, token, signingHeader.length + 1);
        token[end] = '.';
        Base64Url.encode(signingMac.compute(token, 0, end), token, signatureAt);
        return new String(token, StandardCharsets.US_ASCII);
    }

    /**
     * Checks the form and the signature and decodes the claims. Time, issuer, audience and
     * revocation are the caller's to check.
     *
     * @throws InvalidTokenException with the reason of the first check that failed
     */
    public AccessTokenClaims verify(String token) {
        return json.decodeClaims(verifiedPayload(token));
    }

    /**
     * Checks the form, the header and the signature of a compact JWS, and nothing about its payload.
     *
     * @return the payload bytes, whose signature is good
     * @throws InvalidTokenException with the reason of the first check that failed
     */
    public byte[] verifiedPayload(String token) {
        if (token == null || token.isEmpty()) {
            throw new InvalidTokenException(Reason.MISSING);
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException(Reason.OVERSIZED);
        }
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (firstDot <= 0 || secondDot <= firstDot + 1 || secondDot == token.length() - 1
                || token.indexOf('.', secondDot + 1) >= 0) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        // Every char above 255 becomes '?' and every one above 127 stays outside the base64url
        // alphabet, so the strict decoding below refuses them before these bytes become MAC input.
        byte[] ascii = token.getBytes(StandardCharsets.ISO_8859_1);
        byte[] payload = decodeSegment(ascii, firstDot + 1, secondDot);
        byte[] signature = decodeSegment(ascii, secondDot + 1, ascii.length);
        KeyedMac mac = ownHeaderMac(ascii, firstDot);
        if (mac == null) {
            mac = macFor(json.decodeHeader(decodeSegment(ascii, 0, firstDot)));
        }
        if (!constantTimeEquals(mac.compute(ascii, 0, secondDot), signature)) {
            throw new InvalidTokenException(Reason.BAD_SIGNATURE);
        }
        return payload;
    }

    /** @return the MAC of the key whose header Inkan writes exactly as {@code ascii[0, end)}, or null */
    private KeyedMac ownHeaderMac(byte[] ascii, int end) {
        for (int i = 0; i < ownHeaders.length; i++) {
            if (Arrays.equals(ascii, 0, end, ownHeaders[i], 0, ownHeaders[i].length)) {
                return ownHeaderMacs[i];
            }
        }
        return null;
    }

    private KeyedMac macFor(JoseHeader header) {
        if (header.parameterNames().contains("crit")) {
            throw new InvalidTokenException(Reason.CRITICAL_HEADER);
        }
        for (String name : KEY_REFERENCE_PARAMETERS) {
            if (header.parameterNames().contains(name)) {
                throw new InvalidTokenException(Reason.UNTRUSTED_HEADER);
            }
        }
        if (!header.algorithm().map(algorithm.jwsName()::equals).orElse(false)) {
            throw new InvalidTokenException(Reason.UNSUPPORTED_ALGORITHM);
        }
        if (header.type().isPresent() && !header.type().get().equalsIgnoreCase("JWT")) {
            throw new InvalidTokenException(Reason.MALFORMED_HEADER);
        }
        KeyedMac mac = header.keyId().isPresent() ? macByKeyId.get(header.keyId().get()) : soleKeyMac;
        if (mac == null) {
            throw new InvalidTokenException(Reason.UNKNOWN_KEY);
        }
        return mac;
    }

    private static byte[] decodeSegment(byte[] ascii, int from, int to) {
        byte[] bytes = Base64Url.decodeOrNull(ascii, from, to);
        if (bytes == null) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        return bytes;
    }

    /** Compares in time that depends only on the lengths, never on where the first difference is. */
    static boolean constantTimeEquals(byte[] expected, byte[] actual) {
        if (expected.length != actual.length) {
            return false;
        }
        int difference = 0;
        for (int i = 0; i < expected.length; i++) {
            difference |= expected[i] ^ actual[i];
        }
        return difference == 0;
    }
}

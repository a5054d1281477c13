package dev.inkan.token;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A compact JWS (RFC 7515 7.1) taken apart: exactly three non-empty segments, held as one ASCII copy
 * of the token that is also the signing input, so no segment is copied before it must be decoded.
 * Signing writes the three segments into one array the same way.
 */
final class CompactJws {

    /** Tokens longer than this are refused before any parsing. */
    static final int MAX_LENGTH = 8 * 1024;

    private final byte[] ascii;
    private final int headerEnd;
    private final int payloadEnd;

    private CompactJws(byte[] ascii, int headerEnd, int payloadEnd) {
        this.ascii = ascii;
        this.headerEnd = headerEnd;
        this.payloadEnd = payloadEnd;
    }

    /**
     * @throws TokenException {@code MISSING} for null or empty, {@code OVERSIZED} above
     *     {@link #MAX_LENGTH}, {@code MALFORMED} unless there are exactly three non-empty segments
     */
    static CompactJws split(String token) {
        if (token == null || token.isEmpty()) {
            throw new TokenException(TokenException.Reason.MISSING);
        }
        if (token.length() > MAX_LENGTH) {
            throw new TokenException(TokenException.Reason.OVERSIZED);
        }
        int firstDot = token.indexOf('.');
        int secondDot = firstDot < 0 ? -1 : token.indexOf('.', firstDot + 1);
        if (firstDot <= 0 || secondDot <= firstDot + 1 || secondDot == token.length() - 1
                || token.indexOf('.', secondDot + 1) >= 0) {
            throw new TokenException(TokenException.Reason.MALFORMED);
        }
        // Every char above 255 becomes '?' and every one above 127 stays outside the base64url
        // alphabet, so the strict decoding refuses them before these bytes become MAC input.
        return new CompactJws(token.getBytes(StandardCharsets.ISO_8859_1), firstDot, secondDot);
    }

    /** @return whether the header segment is exactly {@code segment}, as ASCII */
    boolean headerIs(byte[] segment) {
        return Arrays.equals(ascii, 0, headerEnd, segment, 0, segment.length);
    }

    /** @throws TokenException ({@code MALFORMED}) unless the segment is canonical base64url; so do the two below */
    byte[] header() {
        return Base64Url.decode(ascii, 0, headerEnd);
    }

    byte[] payload() {
        return Base64Url.decode(ascii, headerEnd + 1, payloadEnd);
    }

    /** @return whether the payload segment is exactly that of {@code other} */
    boolean samePayloadSegmentAs(CompactJws other) {
        return Arrays.equals(ascii, headerEnd + 1, payloadEnd, other.ascii, other.headerEnd + 1, other.payloadEnd);
    }

    /** @return how many characters the token has */
    int length() {
        return ascii.length;
    }

    byte[] signature() {
        return Base64Url.decode(ascii, payloadEnd + 1, ascii.length);
    }

    /** @return whether {@code signature} is {@code key}'s signature of the header and payload segments */
    boolean isSignedBy(JwsKey key, byte[] signature) {
        return key.verify(ascii, 0, payloadEnd, signature);
    }

    /** @return how many characters {@link #sign} gives for a payload of {@code payloadLength} bytes */
    static int length(byte[] headerSegment, int payloadLength, JwsKey key) {
        return headerSegment.length + 1 + Base64Url.encodedLength(payloadLength) + 1
                + Base64Url.encodedLength(key.algorithm().signatureLength());
    }

    /**
     * @param headerSegment the encoded header, as ASCII
     * @param payload the bytes to carry
     * @return the compact JWS of the header and payload, signed with {@code key}
     */
    static String sign(byte[] headerSegment, byte[] payload, JwsKey key) {
        int payloadAt = headerSegment.length + 1;
        int signatureAt = payloadAt + Base64Url.encodedLength(payload.length) + 1;
        int signatureLength = key.algorithm().signatureLength();
        byte[] token = new byte[length(headerSegment, payload.length, key)];
        System.arraycopy(headerSegment, 0, token, 0, headerSegment.length);
        token[headerSegment.length] = '.';
        int end = Base64Url.encode(payload, token, payloadAt);
        token[end] = '.';
        byte[] signature = key.sign(token, 0, end);
        if (signature.length != signatureLength) {
            throw new IllegalStateException("key '" + key.keyId() + "' gave a signature of " + signature.length + " bytes; "
                    + key.algorithm().jwsName() + " gives " + signatureLength);
        }
        Base64Url.encode(signature, token, signatureAt);
        return new String(token, StandardCharsets.US_ASCII);
    }
}

package dev.inkan.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Strict unpadded base64url (RFC 7515 2 and Appendix C) on ASCII bytes, the form in which a token is
 * also MAC input. The JDK's codec does the work (with vector instructions where the JVM has them);
 * this adds the checks it leaves out, refusing padding, {@code +}, {@code /}, whitespace, impossible
 * lengths and non-zero trailing bits, so every byte string has exactly one encoding.
 */
final class Base64Url {

    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.US_ASCII);
    private static final int NOT_BASE64URL = -1;
    /** The 6-bit value of each byte, indexed by the unsigned byte, or {@link #NOT_BASE64URL}. */
    private static final int[] VALUES = new int[256];
    /** The bits of the last character that hold no data, by the text's length modulo 4 (2 or 3). */
    private static final int[] UNUSED_BITS = {0, 0, 0x0f, 0x03};
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    static {
        Arrays.fill(VALUES, NOT_BASE64URL);
        for (int i = 0; i < ALPHABET.length; i++) {
            VALUES[ALPHABET[i]] = i;
        }
    }

    private Base64Url() {
    }

    /** @return the unpadded base64url text of {@code bytes}, as ASCII bytes */
    static byte[] encode(byte[] bytes) {
        return ENCODER.encode(bytes);
    }

    /**
     * Writes the unpadded base64url text of {@code bytes} into {@code out} at {@code at}.
     *
     * @return the index in {@code out} just after the text
     */
    static int encode(byte[] bytes, byte[] out, int at) {
        byte[] text = ENCODER.encode(bytes);
        System.arraycopy(text, 0, out, at, text.length);
        return at + text.length;
    }

    /** @return the length of the unpadded text of {@code byteCount} bytes */
    static int encodedLength(int byteCount) {
        return byteCount / 3 * 4 + (byteCount % 3 == 0 ? 0 : byteCount % 3 + 1);
    }

    /**
     * Decodes the text {@code ascii[from, to)} into an array of exactly the length that text holds,
     * computed from the length of the text.
     *
     * @throws TokenException ({@code MALFORMED}) when the text is not canonical unpadded base64url
     */
    static byte[] decode(byte[] ascii, int from, int to) {
        int length = to - from;
        int rest = length % 4;
        if (rest == 1) {
            throw new TokenException(TokenException.Reason.MALFORMED);
        }
        if (rest != 0) {
            // The bits below the last whole byte must be zero: otherwise two texts would decode alike.
            int last = VALUES[ascii[to - 1] & 0xff];
            if (last == NOT_BASE64URL || (last & UNUSED_BITS[rest]) != 0) {
                throw new TokenException(TokenException.Reason.MALFORMED);
            }
        } else if (length > 0 && ascii[to - 1] == '=') {
            throw new TokenException(TokenException.Reason.MALFORMED); // padding: the JDK would take it
        }
        int decodedLength = length / 4 * 3 + (rest == 0 ? 0 : rest - 1);
        ByteBuffer decoded;
        try {
            decoded = DECODER.decode(ByteBuffer.wrap(ascii, from, length));
        } catch (IllegalArgumentException notBase64Url) {
            // The JDK reports a byte outside the alphabet only by throwing; here that becomes a refusal.
            throw new TokenException(TokenException.Reason.MALFORMED);
        }
        if (decoded.remaining() != decodedLength) {
            throw new TokenException(TokenException.Reason.MALFORMED);
        }
        // The JDK decodes a range of an array without copying it first, into a buffer of its own
        // making. Its array is taken as it is only when it holds exactly the decoded bytes; any
        // other buffer is copied out, so the answer never depends on how the JDK sizes it.
        if (decoded.hasArray() && decoded.arrayOffset() == 0 && decoded.position() == 0 && decoded.array().length == decodedLength) {
            return decoded.array();
        }
        byte[] exact = new byte[decodedLength];
        decoded.get(exact);
        return exact;
    }
}

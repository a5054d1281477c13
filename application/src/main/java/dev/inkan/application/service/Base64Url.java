package dev.inkan.application.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Strict unpadded base64url (RFC 7515 2 and Appendix C): the JDK's codec, which the JVM runs with
 * vector instructions where it can, plus the checks it leaves out. It refuses padding, {@code +},
 * {@code /}, whitespace, impossible lengths and non-zero trailing bits, so every byte string has
 * exactly one encoding and no two tokens differ only in ignored bits. It works on ASCII bytes, the
 * form in which a token is also MAC input.
 */
public final class Base64Url {

    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.US_ASCII);
    /** The 6-bit value of each byte, or -1, indexed by the unsigned byte: for the unused bits of the last character. */
    private static final int[] DECODE = new int[256];
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    static {
        Arrays.fill(DECODE, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            DECODE[ALPHABET[i]] = i;
        }
    }

    private Base64Url() {
    }

    /** @return the unpadded base64url text of {@code bytes} */
    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
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

    static int encodedLength(int byteCount) {
        return byteCount / 3 * 4 + (byteCount % 3 == 0 ? 0 : byteCount % 3 + 1);
    }

    /**
     * Decodes the text {@code ascii[from, to)}. The JDK's decoder does the work (with vector
     * instructions where the JVM has them); this adds what it forgives: padding and trailing bits.
     *
     * @return the bytes, or {@code null} when the text is not canonical unpadded base64url
     */
    static byte[] decodeOrNull(byte[] ascii, int from, int to) {
        int length = to - from;
        int rest = length % 4;
        if (rest == 1) {
            return null;
        }
        if (rest != 0) {
            // The bits below the last whole byte must be zero: otherwise two texts would decode alike.
            int last = DECODE[ascii[to - 1] & 0xff];
            if (last < 0 || (last & (rest == 2 ? 0x0f : 0x03)) != 0) {
                return null;
            }
        } else if (length > 0 && ascii[to - 1] == '=') {
            return null; // padding: the JDK would take it, and "=" elsewhere it refuses
        }
        ByteBuffer decoded;
        try {
            decoded = DECODER.decode(ByteBuffer.wrap(ascii, from, length));
        } catch (IllegalArgumentException notBase64Url) {
            return null;
        }
        // A heap buffer over an array of exactly the decoded length, as the JDK makes it: no copy needed.
        byte[] out = decoded.array();
        return decoded.arrayOffset() == 0 && decoded.remaining() == out.length ? out : null;
    }

    /**
     * Decodes a whole string.
     *
     * @throws IllegalArgumentException when the text is not canonical unpadded base64url
     */
    public static byte[] decode(String text) {
        // ISO-8859-1 keeps every char below 256 as itself and turns the rest into '?': both are refused.
        byte[] ascii = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = decodeOrNull(ascii, 0, ascii.length);
        if (bytes == null) {
            throw new IllegalArgumentException("not canonical unpadded base64url");
        }
        return bytes;
    }
}

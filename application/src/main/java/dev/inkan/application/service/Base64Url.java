package dev.inkan.application.service;

import java.util.Arrays;

/**
 * Strict unpadded base64url (RFC 7515 2 and Appendix C), written for the hot path: it refuses
 * padding, {@code +}, {@code /}, whitespace, impossible lengths and non-zero trailing bits, so
 * every byte string has exactly one encoding and no two tokens differ only in ignored bits.
 */
public final class Base64Url {

    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final byte[] DECODE = new byte[128];

    static {
        Arrays.fill(DECODE, (byte) -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            DECODE[ALPHABET[i]] = (byte) i;
        }
    }

    private Base64Url() {
    }

    /** @return the unpadded base64url text of {@code bytes} */
    public static String encode(byte[] bytes) {
        char[] out = new char[encodedLength(bytes.length)];
        int o = 0;
        int i = 0;
        for (; i + 3 <= bytes.length; i += 3) {
            int v = (bytes[i] & 0xff) << 16 | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0xff);
            out[o++] = ALPHABET[v >>> 18];
            out[o++] = ALPHABET[(v >>> 12) & 63];
            out[o++] = ALPHABET[(v >>> 6) & 63];
            out[o++] = ALPHABET[v & 63];
        }
        int rest = bytes.length - i;
        if (rest == 1) {
            int v = (bytes[i] & 0xff) << 16;
            out[o++] = ALPHABET[v >>> 18];
            out[o] = ALPHABET[(v >>> 12) & 63];
        } else if (rest == 2) {
            int v = (bytes[i] & 0xff) << 16 | (bytes[i + 1] & 0xff) << 8;
            out[o++] = ALPHABET[v >>> 18];
            out[o++] = ALPHABET[(v >>> 12) & 63];
            out[o] = ALPHABET[(v >>> 6) & 63];
        }
        return new String(out);
    }

    static int encodedLength(int byteCount) {
        return byteCount / 3 * 4 + (byteCount % 3 == 0 ? 0 : byteCount % 3 + 1);
    }

    /**
     * Decodes {@code text[from, to)}.
     *
     * @return the bytes, or {@code null} when the text is not canonical unpadded base64url
     */
    static byte[] decodeOrNull(CharSequence text, int from, int to) {
        int length = to - from;
        if (length % 4 == 1) {
            return null;
        }
        byte[] out = new byte[length / 4 * 3 + (length % 4 == 0 ? 0 : length % 4 - 1)];
        int o = 0;
        int i = from;
        for (; i + 4 <= to; i += 4) {
            int v = sextet(text.charAt(i)) << 18 | sextet(text.charAt(i + 1)) << 12
                    | sextet(text.charAt(i + 2)) << 6 | sextet(text.charAt(i + 3));
            if (v < 0) {
                return null;
            }
            out[o++] = (byte) (v >>> 16);
            out[o++] = (byte) (v >>> 8);
            out[o++] = (byte) v;
        }
        int rest = to - i;
        if (rest == 2) {
            int v = sextet(text.charAt(i)) << 18 | sextet(text.charAt(i + 1)) << 12;
            if (v < 0 || (v & 0xffff) != 0) {
                return null;
            }
            out[o] = (byte) (v >>> 16);
        } else if (rest == 3) {
            int v = sextet(text.charAt(i)) << 18 | sextet(text.charAt(i + 1)) << 12 | sextet(text.charAt(i + 2)) << 6;
            if (v < 0 || (v & 0xff) != 0) {
                return null;
            }
            out[o++] = (byte) (v >>> 16);
            out[o] = (byte) (v >>> 8);
        }
        return out;
    }

    /** @return the 6-bit value of {@code c}, or a negative number (sign bit set in any shift) when it is not in the alphabet */
    private static int sextet(char c) {
        return c < 128 ? DECODE[c] : -1;
    }

    /**
     * Decodes a whole string.
     *
     * @throws IllegalArgumentException when the text is not canonical unpadded base64url
     */
    public static byte[] decode(String text) {
        byte[] bytes = decodeOrNull(text, 0, text.length());
        if (bytes == null) {
            throw new IllegalArgumentException("not canonical unpadded base64url");
        }
        return bytes;
    }
}

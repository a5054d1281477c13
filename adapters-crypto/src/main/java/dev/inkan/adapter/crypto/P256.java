package dev.inkan.adapter.crypto;

import java.math.BigInteger;

/**
 * The numbers of NIST P-256 (FIPS 186-4 D.1.2.3, SEC 2 secp256r1) that both providers check private
 * keys and signatures against (the token module's {@code JdkCrypto} checks public points), and the
 * fixed-width big-endian encoding of JWK coordinates and ES256's R and S.
 */
final class P256 {

    /** The field prime p. */
    static final BigInteger P = new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    /** The group order n. */
    static final BigInteger N = new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);
    /** Bytes of a coordinate, of the private key, and of R and of S. */
    static final int LENGTH = 32;

    private P256() {
    }

    /** @return whether {@code d} may be a private key: from 1 to n - 1 */
    static boolean isPrivateKey(BigInteger d) {
        return d.signum() > 0 && d.compareTo(N) < 0;
    }

    /** @return the unsigned big-endian integer of {@code bytes[offset, offset + 32)} */
    static BigInteger integer(byte[] bytes, int offset) {
        byte[] part = new byte[LENGTH];
        System.arraycopy(bytes, offset, part, 0, LENGTH);
        return new BigInteger(1, part);
    }

    /** Writes {@code value}, which is below 2^256, as 32 big-endian bytes at {@code offset}. */
    static void write(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, LENGTH); // a sign byte of zero is dropped
        System.arraycopy(bytes, bytes.length - length, out, offset + LENGTH - length, length);
    }

    /** @return {@code value} as 32 big-endian bytes */
    static byte[] bytes(BigInteger value) {
        byte[] out = new byte[LENGTH];
        write(value, out, 0);
        return out;
    }
}

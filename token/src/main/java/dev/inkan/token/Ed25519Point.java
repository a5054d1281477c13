package dev.inkan.token;

import java.math.BigInteger;

/** RFC 8032 5.1.3: whether 32 bytes decode to a point of edwards25519, for a public key the JDK would take unchecked. */
final class Ed25519Point {

    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    /** The curve's d = -121665 / 121666 mod p. */
    private static final BigInteger D = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final int SIGN_BIT = 0x80;

    private Ed25519Point() {
    }

    /**
     * @param encoded the 32-byte encoding: y little-endian, the sign of x in the top bit
     * @return whether y is below p and x² = (y² - 1) / (d·y² + 1) has a root of the encoded sign
     */
    static boolean decodes(byte[] encoded) {
        if (encoded.length != 32) {
            return false;
        }
        byte[] bigEndian = new byte[32];
        for (int i = 0; i < 32; i++) {
            bigEndian[i] = encoded[31 - i];
        }
        boolean xOdd = (bigEndian[0] & SIGN_BIT) != 0;
        bigEndian[0] &= (byte) ~SIGN_BIT;
        BigInteger y = new BigInteger(1, bigEndian);
        if (y.compareTo(P) >= 0) {
            return false;
        }
        BigInteger ySquared = y.multiply(y).mod(P);
        BigInteger xSquared = ySquared.subtract(BigInteger.ONE).multiply(D.multiply(ySquared).add(BigInteger.ONE).modInverse(P)).mod(P);
        if (xSquared.signum() == 0) {
            return !xOdd; // x = 0 has no odd root
        }
        return xSquared.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE); // Euler's criterion
    }
}

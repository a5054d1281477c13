package dev.inkan.token;

/** Comparing secrets (MACs, keys) in time that depends only on their lengths, never on where they differ. */
final class ConstantTime {

    private ConstantTime() {
    }

    /** @return whether the two arrays hold the same bytes, having looked at every byte when the lengths agree */
    static boolean equals(byte[] expected, byte[] actual) {
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

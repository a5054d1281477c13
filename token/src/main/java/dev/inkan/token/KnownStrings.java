package dev.inkan.token;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The plain ASCII strings that verified tokens repeat (role names), each made once: a service sees
 * the same few names in every token, and a string it has met is handed back instead of copied
 * again. A fixed number of slots, each holding the last string that hashed there, so it never
 * grows; safe for many threads, since a slot only ever holds a whole, immutable string. Only the
 * payloads of tokens whose signature verified reach it.
 */
final class KnownStrings {

    /** A power of two, far more than the roles of any real scheme. */
    private static final int SLOTS = 256;

    private final AtomicReferenceArray<String> slots = new AtomicReferenceArray<>(SLOTS);

    /**
     * @return the string of the plain ASCII bytes {@code in[from, to)}, the one made before when there
     *     was one; the slot comes from the length and four of the bytes, which tell apart the names of
     *     one scheme without reading all of them twice
     */
    String of(byte[] in, int from, int to) {
        int length = to - from;
        int hash = length;
        if (length > 0) {
            hash = hash * 31 + in[from];
            hash = hash * 31 + in[to - 1];
            hash = hash * 31 + in[from + length / 2];
            hash = hash * 31 + in[to - 1 - length / 3];
        }
        int slot = (hash ^ hash >>> 8) & (SLOTS - 1);
        String known = slots.get(slot);
        if (known != null && holds(known, in, from, to)) {
            return known;
        }
        String made = new String(in, from, to - from, StandardCharsets.US_ASCII);
        slots.set(slot, made);
        return made;
    }

    private static boolean holds(String known, byte[] in, int from, int to) {
        if (known.length() != to - from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (known.charAt(i - from) != in[i]) {
                return false;
            }
        }
        return true;
    }
}

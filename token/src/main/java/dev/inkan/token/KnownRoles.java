package dev.inkan.token;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The roles arrays that verified tokens repeat, each read once: a user's tokens carry the same
 * roles, byte for byte, until the roles change, and a service sees the same few sets. A text met
 * before is compared whole with the one kept and its roles handed back, already read and checked,
 * instead of being read again. A fixed number of slots, each holding the last text that hashed
 * there, so it never grows; safe for many threads, since a slot only ever holds a whole, immutable
 * entry. Only the payloads of tokens whose signature verified reach it.
 */
final class KnownRoles {

    /** A power of two. */
    private static final int SLOTS = 128;
    /** Longer texts are read each time, so that the slots hold at most this many bytes each. */
    static final int MAX_TEXT = 512;

    private final AtomicReferenceArray<Entry> slots = new AtomicReferenceArray<>(SLOTS);

    /** @return the roles of the text {@code in[from, to)} when it was {@linkplain #remember remembered}, else null */
    List<String> find(byte[] in, int from, int to) {
        if (to - from > MAX_TEXT) {
            return null;
        }
        Entry known = slots.get(slot(in, from, to));
        return known != null && Arrays.equals(known.text, 0, known.text.length, in, from, to) ? known.roles : null;
    }

    /** Keeps {@code roles}, the checked roles read from the whole text {@code in[from, to)}, for the next token that holds it. */
    void remember(byte[] in, int from, int to, List<String> roles) {
        if (to - from <= MAX_TEXT) {
            slots.set(slot(in, from, to), new Entry(Arrays.copyOfRange(in, from, to), roles));
        }
    }

    /** Mixes every byte, eight at a time. */
    private static int slot(byte[] in, int from, int to) {
        long hash = to - from;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            hash = (hash ^ (long) OwnLayout.EIGHT_BYTES.get(in, i)) * 0x9E3779B97F4A7C15L;
        }
        for (; i < to; i++) {
            hash = (hash ^ in[i]) * 0x9E3779B97F4A7C15L;
        }
        return (int) (hash >>> 57) & (SLOTS - 1);
    }

    private record Entry(byte[] text, List<String> roles) {
    }
}

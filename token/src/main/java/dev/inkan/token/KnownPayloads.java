package dev.inkan.token;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The claims of the tokens verified again and again, each read twice and then no more: a client
 * presents the same access token on every request of its lifetime, so once a token has been read a
 * second time its claims are kept, and its payload segment, when it comes back, is compared whole
 * with the one kept and its claims handed back, already read and checked, instead of being decoded
 * and read again. Only claims read from a token whose signature verified are kept, and a token whose
 * payload is found here still has its signature verified and its time window, issuer and audience
 * checked: the claims of the same bytes are the same claims, whatever signature comes with them.
 *
 * <p>A fixed number of slots, chosen by the token's signature (which is as good as random, and the
 * same each time the token comes back), each holding the last token read there a second time; so it
 * never grows, and tokens no one presents again are only overwritten. Safe for many threads, since a slot
 * only ever holds a whole, immutable entry.
 */
final class KnownPayloads {

    /** A power of two. */
    static final int SLOTS = 1024;
    /** Longer tokens are read each time, so that the slots hold at most this many bytes each. */
    static final int MAX_TOKEN = 2048;
    /** The signature bytes the slot and its tag are taken from; every algorithm's signature is longer. */
    private static final int SIGNATURE_BYTES_USED = 6;

    private final AtomicReferenceArray<Entry> slots = new AtomicReferenceArray<>(SLOTS);
    /**
     * Four more bytes of the signature of the token last read in each slot, compared before the entry
     * is: a token seen for the first time then finds its slot taken by another without reading that
     * one's bytes, which are seldom in the processor's cache. Only a filter: a tag and entry of
     * different tokens, as a race of two threads may leave them, cost a comparison or a read, never a
     * wrong answer.
     */
    private final int[] tags = new int[SLOTS];

    /** @return the claims kept for the payload segment of {@code jws}, or null when they are not */
    TokenClaims find(CompactJws jws, byte[] signature) {
        if (signature.length < SIGNATURE_BYTES_USED) {
            return null;
        }
        int slot = slot(signature);
        if (tags[slot] != tag(signature)) {
            return null;
        }
        Entry known = slots.get(slot);
        return known != null && jws.samePayloadSegmentAs(known.jws) ? known.claims : null;
    }

    /**
     * Keeps {@code claims}, read from the payload of {@code jws}, whose {@code signature} verified, when
     * this is the second time the token is read: the first time only its tag is kept. A token presented
     * once costs then no entry, which the collector would have to carry from its young generation to
     * its old one for as long as the slot holds it.
     */
    void remember(CompactJws jws, byte[] signature, TokenClaims claims) {
        if (signature.length < SIGNATURE_BYTES_USED || jws.length() > MAX_TOKEN) {
            return;
        }
        int slot = slot(signature);
        int tag = tag(signature);
        if (tags[slot] != tag) {
            tags[slot] = tag;
            return;
        }
        // An entry is immutable, so a release store publishes it whole, without a full fence.
        slots.setRelease(slot, new Entry(jws, claims));
    }

    private static int slot(byte[] signature) {
        return ((signature[0] & 0xff) << 8 | signature[1] & 0xff) & (SLOTS - 1);
    }

    private static int tag(byte[] signature) {
        return (signature[2] & 0xff) << 24 | (signature[3] & 0xff) << 16 | (signature[4] & 0xff) << 8 | signature[5] & 0xff;
    }

    /** The token is kept whole rather than its payload segment copied: it is made once per verify anyway, and never changes. */
    private record Entry(CompactJws jws, TokenClaims claims) {
    }
}

package dev.inkan.token;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The claims of the tokens verified so far, each read once: a client presents the same access token
 * on every request of its lifetime, so a payload segment met before is compared whole with the one
 * kept and its claims handed back, already read and checked, instead of being decoded and read again.
 * Only claims read from a token whose signature verified are kept, and a token whose payload is found
 * here still has its signature verified and its time window, issuer and audience checked: the
 * claims of the same bytes are the same claims, whatever signature comes with them.
 *
 * <p>A fixed number of slots, chosen by the token's signature (which is as good as random, and the
 * same each time the token comes back), each holding the last token verified there; so it never
 * grows, and tokens no one presents again are only overwritten. Safe for many threads, since a slot
 * only ever holds a whole, immutable entry.
 */
final class KnownPayloads {

    /** A power of two. */
    static final int SLOTS = 1024;
    /** Longer tokens are read each time, so that the slots hold at most this many bytes each. */
    static final int MAX_TOKEN = 2048;

    private final AtomicReferenceArray<Entry> slots = new AtomicReferenceArray<>(SLOTS);

    /** @return the claims kept for the payload segment of {@code jws}, or null when they are not */
    TokenClaims find(CompactJws jws, byte[] signature) {
        if (signature.length < 2) {
            return null;
        }
        Entry known = slots.get(slot(signature));
        return known != null && jws.samePayloadSegmentAs(known.jws) ? known.claims : null;
    }

    /** Keeps {@code claims}, read from the payload of {@code jws}, whose {@code signature} verified. */
    void remember(CompactJws jws, byte[] signature, TokenClaims claims) {
        if (signature.length >= 2 && jws.length() <= MAX_TOKEN) {
            slots.set(slot(signature), new Entry(jws, claims));
        }
    }

    private static int slot(byte[] signature) {
        return ((signature[0] & 0xff) << 8 | signature[1] & 0xff) & (SLOTS - 1);
    }

    /** The token is kept whole rather than its payload segment copied: it is made once per verify anyway, and never changes. */
    private record Entry(CompactJws jws, TokenClaims claims) {
    }
}

package dev.inkan.token;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JWS protected headers of one token format: the header it writes for each of its keys, and the
 * rules by which a header names the key that verifies it. A header segment byte-identical to one this
 * format writes needs no parsing (the fast path); any other is decoded, read as strict JSON and
 * checked: no {@code crit}, no parameter that points at other keys, an {@code alg} of the key, a
 * {@code typ} of {@code JWT} if any, and a known {@code kid} (which may be left out only when there
 * is one key). Immutable: everything is prepared in the constructor.
 */
final class JoseHeaders {

    /** What {@link #ownHeader} gives for a header this format does not write. */
    static final int NOT_OWN = -1;

    /** Header parameters that point at other keys; the format never fetches or trusts them, so it refuses them. */
    private static final Set<String> KEY_REFERENCES = Set.of("jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256");

    // The parameter names, packed as JsonReader.memberName packs three ASCII characters.
    private static final int ALG = 'a' << 16 | 'l' << 8 | 'g';
    private static final int TYP = 't' << 16 | 'y' << 8 | 'p';
    private static final int KID = 'k' << 16 | 'i' << 8 | 'd';

    private final JwsKey[] keys;
    /** The header segment written for each key, as ASCII, in the order of {@link #keys}; never written after construction. */
    private final byte[][] ownHeaders;
    private final Map<String, JwsKey> byKeyId;
    private final Optional<JwsKey> soleKey;
    private final Set<JwsAlgorithm> algorithms;

    /** @throws IllegalArgumentException when there is no key or two share a key id */
    JoseHeaders(List<JwsKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a token format needs at least one key");
        }
        this.keys = keys.toArray(JwsKey[]::new);
        this.ownHeaders = new byte[this.keys.length][];
        Map<String, JwsKey> ids = new HashMap<>();
        Set<JwsAlgorithm> used = EnumSet.noneOf(JwsAlgorithm.class);
        for (int i = 0; i < this.keys.length; i++) {
            JwsKey key = this.keys[i];
            if (ids.put(key.keyId(), key) != null) {
                throw new IllegalArgumentException("key id '" + key.keyId() + "' appears twice");
            }
            used.add(key.algorithm());
            ownHeaders[i] = Base64Url.encode(json(key));
        }
        this.byKeyId = Map.copyOf(ids);
        this.soleKey = this.keys.length == 1 ? Optional.of(this.keys[0]) : Optional.empty();
        this.algorithms = Set.copyOf(used);
    }

    /** @return the UTF-8 JSON of the header {@code {"alg":…,"typ":"JWT","kid":…}} of {@code key} */
    static byte[] json(JwsKey key) {
        return new JsonWriter(48 + key.keyId().length()).ascii("{\"alg\":").string(key.algorithm().jwsName())
                .ascii(",\"typ\":\"JWT\",\"kid\":").string(key.keyId()).ascii("}").toBytes();
    }

    /** @return the header segment of the signing key, the first, as ASCII; callers must not change it */
    byte[] signingHeader() {
        return ownHeaders[0];
    }

    JwsKey signingKey() {
        return keys[0];
    }

    /**
     * @return the key that the header of {@code jws} names, before any MAC is computed
     * @throws TokenException {@code MALFORMED} (not base64url), {@code MALFORMED_HEADER},
     *     {@code CRITICAL_HEADER}, {@code UNTRUSTED_HEADER}, {@code UNSUPPORTED_ALGORITHM} or
     *     {@code UNKNOWN_KEY}
     */
    JwsKey keyFor(CompactJws jws) {
        int own = ownHeader(jws);
        return own != NOT_OWN ? keys[own] : keyNamedBy(read(jws.header()));
    }

    /** @return the index of the key whose header this format writes exactly as the header of {@code jws}, or {@link #NOT_OWN} */
    int ownHeader(CompactJws jws) {
        for (int i = 0; i < ownHeaders.length; i++) {
            if (jws.headerIs(ownHeaders[i])) {
                return i;
            }
        }
        return NOT_OWN;
    }

    /** The general path: the rules of RFC 7515 4.1 as Inkan applies them, in this order. */
    private JwsKey keyNamedBy(Header header) {
        if (header.names().contains("crit")) {
            throw new TokenException(TokenException.Reason.CRITICAL_HEADER);
        }
        for (String name : KEY_REFERENCES) {
            if (header.names().contains(name)) {
                throw new TokenException(TokenException.Reason.UNTRUSTED_HEADER);
            }
        }
        Optional<JwsAlgorithm> algorithm = header.algorithm().flatMap(JwsAlgorithm::fromJwsName).filter(algorithms::contains);
        if (algorithm.isEmpty()) {
            throw new TokenException(TokenException.Reason.UNSUPPORTED_ALGORITHM);
        }
        if (header.type().isPresent() && !header.type().get().equalsIgnoreCase("JWT")) {
            throw new TokenException(TokenException.Reason.MALFORMED_HEADER);
        }
        Optional<JwsKey> named = header.keyId().isPresent() ? Optional.ofNullable(byKeyId.get(header.keyId().get())) : soleKey;
        JwsKey key = named.orElseThrow(() -> new TokenException(TokenException.Reason.UNKNOWN_KEY));
        if (key.algorithm() != algorithm.get()) {
            // The alg of another of the format's keys: never let a header choose how a key is used.
            throw new TokenException(TokenException.Reason.UNSUPPORTED_ALGORITHM);
        }
        return key;
    }

    /**
     * A protected header as verification sees it.
     *
     * @param names the names of all its parameters
     */
    record Header(Optional<String> algorithm, Optional<String> type, Optional<String> keyId, Set<String> names) {
    }

    /**
     * @return the header that {@code json} holds: one JSON object, no duplicate names, string values
     *     for {@code alg}, {@code typ} and {@code kid}
     * @throws TokenException ({@code MALFORMED_HEADER}) for anything else
     */
    static Header read(byte[] json) {
        JsonReader in = new JsonReader(json, TokenException.Reason.MALFORMED_HEADER);
        in.expect('{');
        Optional<String> alg = Optional.empty();
        Optional<String> typ = Optional.empty();
        Optional<String> kid = Optional.empty();
        Set<String> names = new HashSet<>(8);
        if (!in.consumeIf('}')) {
            do {
                int name = in.memberName();
                if (!names.add(in.name())) {
                    throw in.malformed();
                }
                switch (name) {
                    case ALG -> alg = Optional.of(in.string());
                    case TYP -> typ = Optional.of(in.string());
                    case KID -> kid = Optional.of(in.string());
                    default -> in.skipValue();
                }
            } while (in.more('}'));
        }
        in.requireEnd();
        return new Header(alg, typ, kid, Set.copyOf(names));
    }
}

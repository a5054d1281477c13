package dev.inkan.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The rules of signing keys that rotate: which key of a key store signs at an instant, which verify,
 * which are retired, when that changes next, and what a rotation or an early retirement changes.
 *
 * <p>The keys not retired at an instant stand in line, by when they start signing (the later made
 * after the earlier at the same instant). The last of the line whose {@code signsFrom} has come signs;
 * those after it are published, and will sign in turn; those before it verify the tokens they signed.
 * After every change, {@link #settled} gives each key but the last in line its retirement: one token
 * reach (the access-token lifetime and the leeway) after the next key starts signing, when the longest
 * token it can sign has expired. Immutable.
 */
public final class KeySchedule {

    private final List<ScheduledKey> keys;

    /**
     * @param keys in the order they were made
     * @throws IllegalArgumentException when two keys have one key id
     */
    public KeySchedule(List<ScheduledKey> keys) {
        this.keys = List.copyOf(keys);
        Set<String> ids = new HashSet<>();
        for (ScheduledKey key : this.keys) {
            if (!ids.add(key.keyId())) {
                throw new IllegalArgumentException("two keys have the id '" + key.keyId() + "'");
            }
        }
    }

    /** @return every key, retired ones too, in the order they were made */
    public List<ScheduledKey> keys() {
        return keys;
    }

    /** @return the key of that id, if there is one */
    public Optional<ScheduledKey> find(String keyId) {
        return keys.stream().filter(key -> key.keyId().equals(keyId)).findFirst();
    }

    /** @return the key that signs at {@code now}: the last in line whose time to sign has come */
    public Optional<ScheduledKey> signing(Instant now) {
        ScheduledKey signing = null;
        for (ScheduledKey key : line(now)) {
            if (!key.signsFrom().isAfter(now)) {
                signing = key;
            }
        }
        return Optional.ofNullable(signing);
    }

    /** @return where {@code key} is in its life at {@code now} */
    public KeyState state(ScheduledKey key, Instant now) {
        if (key.isRetiredAt(now)) {
            return KeyState.RETIRED;
        }
        if (key.signsFrom().isAfter(now)) {
            return KeyState.PUBLISHED;
        }
        return signing(now).filter(signing -> signing.keyId().equals(key.keyId())).isPresent() ? KeyState.SIGNING
                : KeyState.VERIFYING;
    }

    /** @return the keys that verify at {@code now}: the signing key first, then the others, the newest in line first */
    public List<ScheduledKey> ring(Instant now) {
        Optional<ScheduledKey> signing = signing(now);
        List<ScheduledKey> ring = new ArrayList<>();
        signing.ifPresent(ring::add);
        List<ScheduledKey> line = line(now);
        for (int i = line.size() - 1; i >= 0; i--) {
            if (!signing.filter(line.get(i)::equals).isPresent()) {
                ring.add(line.get(i));
            }
        }
        return ring;
    }

    /** @return the first instant after {@code now} at which a key starts signing or retires */
    public Optional<Instant> nextChange(Instant now) {
        return keys.stream().filter(key -> !key.isRetiredAt(now))
                .flatMap(key -> Stream.concat(Stream.of(key.signsFrom()), key.retireAt().stream()))
                .filter(instant -> instant.isAfter(now))
                .min(Comparator.naturalOrder());
    }

    /**
     * @return when a key made at {@code now} starts signing: {@code publishDelay} later, but not before
     *     a key already in line does, so that a newer key never hands signing back to an older one
     */
    public Instant nextSigningStart(Instant now, Duration publishDelay) {
        Instant start = now.plus(publishDelay);
        for (ScheduledKey key : line(now)) {
            if (key.signsFrom().isAfter(start)) {
                start = key.signsFrom();
            }
        }
        return start;
    }

    /**
     * @return this schedule with {@code key} made after every other
     * @throws IllegalArgumentException when its key id is taken
     */
    public KeySchedule with(ScheduledKey key) {
        List<ScheduledKey> more = new ArrayList<>(keys);
        more.add(Objects.requireNonNull(key, "key"));
        return new KeySchedule(more);
    }

    /**
     * Ends one key at {@code now}. Retiring the signing key hands signing at once to the first key in
     * line after it, the one that was published to sign next; when there is none, {@link #signing}
     * is empty at {@code now}, and the caller adds a new key that signs from {@code now}.
     *
     * @throws KeyNotFoundException when no key has that id
     * @throws IllegalStateException when that key is retired already
     */
    public KeySchedule retiring(String keyId, Instant now) {
        ScheduledKey key = find(keyId).orElseThrow(() -> new KeyNotFoundException(keyId));
        if (key.isRetiredAt(now)) {
            throw new IllegalStateException("key '" + keyId + "' is retired already");
        }
        boolean wasSigning = state(key, now) == KeyState.SIGNING;
        KeySchedule after = replacing(Map.of(keyId, key.retiringAt(Optional.of(now))));
        if (wasSigning) {
            Optional<ScheduledKey> next = after.line(now).stream().filter(waiting -> waiting.signsFrom().isAfter(now)).findFirst();
            if (next.isPresent()) {
                after = after.replacing(Map.of(next.get().keyId(), next.get().signingFrom(now)));
            }
        }
        return after;
    }

    /**
     * @return until when {@code key} verifies the tokens it signed, if it is retired at {@code now}: its
     *     retirement if that comes sooner, else one token reach from now (it may have signed until now)
     */
    public Instant lastTokenExpiry(ScheduledKey key, Instant now, Duration reach) {
        Instant fromNow = now.plus(reach);
        return key.retireAt().filter(retireAt -> retireAt.isBefore(fromNow)).orElse(fromNow);
    }

    /**
     * The schedule after a change at {@code now}: the last key in line retires only when a newer key
     * takes over (never, so far); every other key whose signing is still ahead or going on retires one
     * token reach after the next key in line starts; a key whose signing is over keeps its retirement,
     * or, having none (a key imported as verifying), retires one token reach from now.
     *
     * @param reach how long a token lives after it is signed: the access-token lifetime and the leeway
     */
    public KeySchedule settled(Instant now, Duration reach) {
        List<ScheduledKey> line = line(now);
        Optional<ScheduledKey> signing = signing(now);
        Map<String, ScheduledKey> settled = new HashMap<>();
        for (int i = 0; i < line.size(); i++) {
            ScheduledKey key = line.get(i);
            boolean signingAhead = key.signsFrom().isAfter(now) || signing.filter(key::equals).isPresent();
            Optional<Instant> retireAt;
            if (i == line.size() - 1) {
                retireAt = Optional.empty();
            } else if (signingAhead) {
                retireAt = Optional.of(line.get(i + 1).signsFrom().plus(reach));
            } else {
                retireAt = Optional.of(key.retireAt().orElse(now.plus(reach)));
            }
            settled.put(key.keyId(), key.retiringAt(retireAt));
        }
        return replacing(settled);
    }

    /** @return the keys of this schedule whose times differ from those of the same key in {@code before} */
    public List<ScheduledKey> changedFrom(KeySchedule before) {
        return keys.stream().filter(key -> before.find(key.keyId()).filter(old -> !old.equals(key)).isPresent()).toList();
    }

    /** The keys not retired at {@code now}, by when they start signing, then in the order they were made. */
    private List<ScheduledKey> line(Instant now) {
        return IntStream.range(0, keys.size()).boxed()
                .filter(i -> !keys.get(i).isRetiredAt(now))
                .sorted(Comparator.<Integer, Instant>comparing(i -> keys.get(i).signsFrom()).thenComparing(i -> i))
                .map(keys::get)
                .toList();
    }

    private KeySchedule replacing(Map<String, ScheduledKey> replacements) {
        return new KeySchedule(keys.stream().map(key -> replacements.getOrDefault(key.keyId(), key)).toList());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeySchedule that && keys.equals(that.keys);
    }

    @Override
    public int hashCode() {
        return keys.hashCode();
    }

    @Override
    public String toString() {
        return "KeySchedule" + keys;
    }
}

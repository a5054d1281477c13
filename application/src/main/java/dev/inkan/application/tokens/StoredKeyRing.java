package dev.inkan.application.tokens;

import dev.inkan.application.port.out.KeyEncryption;
import dev.inkan.application.port.out.KeyRing;
import dev.inkan.application.port.out.SigningKeyStore;
import dev.inkan.application.port.out.StoredSigningKey;
import dev.inkan.domain.KeySchedule;
import dev.inkan.domain.ScheduledKey;
import dev.inkan.token.SigningKey;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The key ring of the keys in a {@link SigningKeyStore}: the keys that verify now, decrypted, the
 * signing key first. It evaluates them again at the next instant a key starts signing or retires (by
 * its clock, on the scheduler it is given), and reloads them from the store whenever the store says
 * they changed, here or on another instance; its {@link #onChange} listeners hear of each change. A
 * reload that fails is tried again, a second later and then less often, until one succeeds: the
 * change it missed may be a key retired in an emergency, which must not go on verifying here.
 */
public final class StoredKeyRing implements KeyRing, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StoredKeyRing.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(1);

    private final SigningKeyStore store;
    private final KeyEncryption encryption;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** Decrypted keys by id, guarded by this: a stored key's secret never changes, so each is decrypted once. */
    private final Map<String, SigningKey> opened = new HashMap<>();
    /** The keys as the store last gave them, guarded by this. */
    private List<StoredSigningKey> stored = List.of();
    private ScheduledFuture<?> nextEvaluation;
    /** The next try of a reload that failed, guarded by this. */
    private ScheduledFuture<?> retry;
    private Duration retryDelay = FIRST_RETRY;
    private boolean closed;
    private volatile List<SigningKey> keys = List.of();

    private StoredKeyRing(SigningKeyStore store, KeyEncryption encryption, Clock clock, ScheduledExecutorService scheduler) {
        this.store = Objects.requireNonNull(store, "store");
        this.encryption = Objects.requireNonNull(encryption, "encryption");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /**
     * Opens the ring on the keys of {@code store}. A store that holds none yet first gets
     * {@code firstKeys}: those the server used before it kept its keys in the database, or a new one.
     *
     * @param firstKeys a ring's keys, the signing key first; asked for only when the store is empty
     * @param reach how long a token lives once signed (access-token lifetime and leeway): how long the
     *     first keys other than the signing key keep verifying
     * @param scheduler runs the evaluation at each instant a key starts signing or retires
     * @throws dev.inkan.application.port.out.UnreadableKeyException when a stored key does not decrypt
     * @throws IllegalStateException when no stored key signs now
     * @throws dev.inkan.application.port.out.StoreUnavailableException when the store failed
     */
    public static StoredKeyRing open(SigningKeyStore store, KeyEncryption encryption, Supplier<List<SigningKey>> firstKeys,
                                     Duration reach, Clock clock, ScheduledExecutorService scheduler) {
        StoredKeyRing ring = new StoredKeyRing(store, encryption, clock, scheduler);
        if (store.keys().isEmpty()) {
            store.addFirst(first(firstKeys.get(), encryption, reach, clock.instant()));
        }
        // Listening first and reading after, so that no change made in between goes unheard.
        store.onChange(ring::reloadQuietly);
        ring.reload();
        return ring;
    }

    /** The first keys as stored: made signing key last (the newest in line), all signing from now, settled. */
    private static List<StoredSigningKey> first(List<SigningKey> ring, KeyEncryption encryption, Duration reach, Instant now) {
        List<SigningKey> made = new ArrayList<>(ring);
        Collections.reverse(made);
        KeySchedule schedule = new KeySchedule(made.stream().map(key -> new ScheduledKey(key.keyId(), now, Optional.empty()))
                .toList()).settled(now, reach);
        return made.stream().map(key -> new StoredSigningKey(key.algorithm(), encryption.seal(key), now,
                schedule.find(key.keyId()).orElseThrow())).toList();
    }

    @Override
    public List<SigningKey> keys() {
        return keys;
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Reads the keys from the store again and uses them.
     *
     * @throws dev.inkan.application.port.out.UnreadableKeyException when a key does not decrypt; the
     *     keys in use stay
     * @throws IllegalStateException when no stored key signs now; the keys in use stay
     */
    public synchronized void reload() {
        use(store.keys());
    }

    private synchronized void reloadQuietly() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
        try {
            reload();
            retryDelay = FIRST_RETRY;
        } catch (RuntimeException e) {
            if (closed) {
                return;
            }
            LOG.log(Level.ERROR, "could not reload the signing keys; the keys in use stay until a reload succeeds, tried again in "
                    + retryDelay.toMillis() + " ms: " + e.getMessage());
            try {
                retry = scheduler.schedule(this::reloadQuietly, retryDelay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopped) {
                LOG.log(Level.DEBUG, "the scheduler is shut down: the signing keys are not read again");
            }
            Duration doubled = retryDelay.multipliedBy(2);
            retryDelay = doubled.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : doubled;
        }
    }

    private synchronized void evaluateAgain() {
        try {
            use(stored);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "could not evaluate the signing keys again; the keys in use stay: " + e.getMessage());
        }
    }

    /** Makes the ring of {@code held} at this instant, and the evaluation at the next instant it changes. */
    private void use(List<StoredSigningKey> held) {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        KeySchedule schedule = new KeySchedule(held.stream().map(StoredSigningKey::schedule).toList());
        ScheduledKey signing = schedule.signing(now).orElseThrow(() -> new IllegalStateException(
                "no stored signing key signs at " + now + ": every key is retired or still to come"));
        Map<String, StoredSigningKey> byId = new HashMap<>();
        held.forEach(key -> byId.put(key.keyId(), key));
        List<SigningKey> ring = schedule.ring(now).stream().map(key -> open(byId.get(key.keyId()))).toList();
        opened.keySet().retainAll(ring.stream().map(SigningKey::keyId).toList());
        stored = List.copyOf(held);
        scheduleNext(schedule.nextChange(now), now);
        if (!ring.equals(keys)) {
            keys = ring;
            LOG.log(Level.INFO, "signing keys: key " + signing.keyId() + " signs; " + ring.size() + " verify");
            for (Runnable listener : listeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "a listener of the signing keys failed: " + e.getMessage());
                }
            }
        }
    }

    private SigningKey open(StoredSigningKey key) {
        SigningKey known = opened.get(key.keyId());
        if (known == null) {
            known = encryption.open(key.keyId(), key.algorithm(), key.sealedSecret());
            opened.put(key.keyId(), known);
        }
        return known;
    }

    private void scheduleNext(Optional<Instant> next, Instant now) {
        if (nextEvaluation != null) {
            nextEvaluation.cancel(false);
            nextEvaluation = null;
        }
        if (next.isEmpty()) {
            return;
        }
        // a millisecond past the instant, so that the evaluation finds it come
        long delay = Math.max(0, Duration.between(now, next.get()).toMillis()) + 1;
        try {
            nextEvaluation = scheduler.schedule(this::evaluateAgain, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "the scheduler is shut down: no further evaluation of the signing keys");
        }
    }

    /** Stops evaluating the keys again; the keys in use stay as they are. */
    @Override
    public synchronized void close() {
        closed = true;
        if (nextEvaluation != null) {
            nextEvaluation.cancel(false);
        }
        if (retry != null) {
            retry.cancel(false);
        }
    }
}

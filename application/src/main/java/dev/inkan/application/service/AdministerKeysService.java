package dev.inkan.application.service;

import dev.inkan.application.port.in.AdministerKeysUseCase;
import dev.inkan.application.port.in.KeyRetirement;
import dev.inkan.application.port.in.KeyRotation;
import dev.inkan.application.port.in.KeySummary;
import dev.inkan.application.port.out.KeyEncryption;
import dev.inkan.application.port.out.KeyGenerator;
import dev.inkan.application.port.out.SigningKeyChange;
import dev.inkan.application.port.out.SigningKeyStore;
import dev.inkan.application.port.out.StoredSigningKey;
import dev.inkan.domain.KeySchedule;
import dev.inkan.domain.KeyState;
import dev.inkan.domain.Revocation.KeyRetired;
import dev.inkan.domain.ScheduledKey;
import dev.inkan.token.JwsAlgorithm;
import dev.inkan.token.SigningKey;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Rotates, lists and retires the signing keys of a {@link SigningKeyStore}, deciding each change by
 * the rules of {@link KeySchedule} under the store's lock. Each change is logged with the key ids alone.
 */
public final class AdministerKeysService implements AdministerKeysUseCase {

    private static final System.Logger LOG = System.getLogger(AdministerKeysService.class.getName());

    private final SigningKeyStore store;
    private final KeyEncryption encryption;
    private final KeyGenerator generator;
    private final JwsAlgorithm configuredAlgorithm;
    private final Consumer<JwsAlgorithm> algorithmCheck;
    private final Duration publishDelay;
    private final Duration reach;
    private final Clock clock;

    /**
     * @param configuredAlgorithm the algorithm of new keys unless a rotation names another
     * @param algorithmCheck throws {@link IllegalArgumentException}, saying why, for an algorithm a new
     *     key cannot have here
     * @param publishDelay how long a new key is published before it signs
     * @param reach how long a token lives once signed: the access-token lifetime and the leeway
     */
    public AdministerKeysService(SigningKeyStore store, KeyEncryption encryption, KeyGenerator generator,
                                 JwsAlgorithm configuredAlgorithm, Consumer<JwsAlgorithm> algorithmCheck, Duration publishDelay,
                                 Duration reach, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.encryption = Objects.requireNonNull(encryption, "encryption");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.configuredAlgorithm = Objects.requireNonNull(configuredAlgorithm, "configuredAlgorithm");
        this.algorithmCheck = Objects.requireNonNull(algorithmCheck, "algorithmCheck");
        this.publishDelay = Objects.requireNonNull(publishDelay, "publishDelay");
        this.reach = Objects.requireNonNull(reach, "reach");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public KeyRotation rotate(Optional<JwsAlgorithm> algorithm) {
        JwsAlgorithm chosen = algorithm.orElse(configuredAlgorithm);
        algorithmCheck.accept(chosen);
        SigningKey key = generator.generate(chosen);
        byte[] sealed = encryption.seal(key);
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        store.change(held -> {
            Instant now = now();
            KeySchedule before = scheduleOf(held);
            KeySchedule after = before.with(new ScheduledKey(key.keyId(), before.nextSigningStart(now, publishDelay),
                    Optional.empty())).settled(now, reach);
            StoredSigningKey added = new StoredSigningKey(chosen, sealed, now, after.find(key.keyId()).orElseThrow());
            outcome.set(Outcome.of(now, before, after, held, List.of(added)));
            return new SigningKeyChange(List.of(added), after.changedFrom(before), Optional.empty());
        });
        Outcome done = outcome.get();
        KeySummary added = done.summary(key.keyId());
        List<KeySummary> rescheduled = done.rescheduled();
        StringBuilder line = new StringBuilder("signing keys rotated: key " + added.keyId() + " (" + chosen.jwsName()
                + ") is published and signs from " + added.signsFrom());
        rescheduled.forEach(old -> line.append("; key ").append(old.keyId()).append(" retires at ")
                .append(old.retireAt().map(Instant::toString).orElse("-")));
        LOG.log(Level.INFO, line.toString());
        return new KeyRotation(added, rescheduled);
    }

    @Override
    public List<KeySummary> list() {
        Instant now = now();
        List<StoredSigningKey> held = store.keys();
        KeySchedule schedule = scheduleOf(held);
        Outcome outcome = Outcome.of(now, schedule, schedule, held, List.of());
        return held.stream().map(key -> outcome.summary(key.keyId())).toList();
    }

    @Override
    public KeyRetirement retire(String keyId) {
        Objects.requireNonNull(keyId, "keyId");
        AtomicReference<Outcome> outcome = new AtomicReference<>();
        AtomicReference<Boolean> generated = new AtomicReference<>(false);
        store.change(held -> {
            Instant now = now();
            KeySchedule before = scheduleOf(held);
            KeySchedule after = before.retiring(keyId, now);
            List<StoredSigningKey> added = List.of();
            if (after.signing(now).isEmpty()) {
                // No key was published to sign next: a new one signs at once, so that some key always signs.
                SigningKey fresh = generator.generate(configuredAlgorithm);
                after = after.with(new ScheduledKey(fresh.keyId(), now, Optional.empty()));
                added = List.of(new StoredSigningKey(configuredAlgorithm, encryption.seal(fresh), now,
                        after.find(fresh.keyId()).orElseThrow()));
                generated.set(true);
            }
            after = after.settled(now, reach);
            outcome.set(Outcome.of(now, before, after, held, added));
            Instant lastTokenExpiry = before.lastTokenExpiry(before.find(keyId).orElseThrow(), now, reach);
            return new SigningKeyChange(added, after.changedFrom(before), Optional.of(new KeyRetired(keyId, lastTokenExpiry)));
        });
        Outcome done = outcome.get();
        ScheduledKey retired = done.before().find(keyId).orElseThrow();
        boolean wasSigning = done.before().state(retired, done.now()) == KeyState.SIGNING;
        Optional<KeySummary> successor = wasSigning
                ? done.after().signing(done.now()).map(signing -> done.summary(signing.keyId())) : Optional.empty();
        KeyRetirement retirement = new KeyRetirement(done.summary(keyId),
                done.before().lastTokenExpiry(retired, done.now(), reach), successor, generated.get());
        LOG.log(Level.WARNING, "signing key " + keyId + " retired early: the tokens it signed are refused"
                + successor.map(next -> "; key " + next.keyId() + (generated.get() ? ", made for it," : "") + " signs from now")
                        .orElse(""));
        return retirement;
    }

    /** Now, to the millisecond, as every instant of a key is kept and shown. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static KeySchedule scheduleOf(List<StoredSigningKey> held) {
        return new KeySchedule(held.stream().map(StoredSigningKey::schedule).toList());
    }

    /** A change decided at {@code now}: the schedule before and after it, and the algorithm of every key. */
    private record Outcome(Instant now, KeySchedule before, KeySchedule after, Map<String, JwsAlgorithm> algorithms) {

        static Outcome of(Instant now, KeySchedule before, KeySchedule after, List<StoredSigningKey> held,
                          List<StoredSigningKey> added) {
            Map<String, JwsAlgorithm> algorithms = new HashMap<>();
            held.forEach(key -> algorithms.put(key.keyId(), key.algorithm()));
            added.forEach(key -> algorithms.put(key.keyId(), key.algorithm()));
            return new Outcome(now, before, after, algorithms);
        }

        KeySummary summary(String keyId) {
            ScheduledKey key = after.find(keyId).orElseThrow();
            return new KeySummary(keyId, algorithms.get(keyId), after.state(key, now), key.signsFrom(), key.retireAt());
        }

        /** @return the keys held before whose times the change moved */
        List<KeySummary> rescheduled() {
            return after.changedFrom(before).stream().map(key -> summary(key.keyId())).toList();
        }
    }
}

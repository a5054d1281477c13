package dev.inkan.adapter.persistence;

import static dev.inkan.adapter.persistence.TestData.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.application.port.out.SigningKeyChange;
import dev.inkan.application.port.out.StoredSigningKey;
import dev.inkan.domain.Revocation;
import dev.inkan.domain.Revocation.KeyRetired;
import dev.inkan.domain.ScheduledKey;
import dev.inkan.token.JwsAlgorithm;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link JdbiSigningKeyStore}, run on every supported database. */
abstract class SigningKeyStoreContract extends DatabaseTest {

    JdbiRevocationFeed feed;
    JdbiSigningKeyStore store;

    @BeforeEach
    void createStore() {
        feed = testDatabase().newFeed();
        store = newStore(feed);
    }

    JdbiSigningKeyStore newStore(JdbiRevocationFeed revocations) {
        return new JdbiSigningKeyStore(jdbi(), revocations, testDatabase().settings().kind().equals("PostgreSQL"),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void theFirstKeys_areStoredInTheirOrder_andReadBackExactly_andOnlyOnce() {
        List<StoredSigningKey> first = List.of(key("old", JwsAlgorithm.HS256, Optional.of(NOW.plusSeconds(930))),
                key("signer", JwsAlgorithm.EdDSA, Optional.empty()));

        assertThat(store.keys()).isEmpty();
        assertThat(store.addFirst(first)).isEqualTo(first);
        assertThat(store.addFirst(List.of(key("late", JwsAlgorithm.ES256, Optional.empty())))).as("a later first set is not stored")
                .isEqualTo(first);
        assertThat(store.keys()).isEqualTo(first);
    }

    @Test
    void instancesStoringTheirFirstKeysAtOnce_endWithOneKeySet() throws Exception {
        for (int round = 0; round < 5; round++) {
            jdbi().useHandle(handle -> handle.execute("DELETE FROM signing_keys"));
            int racers = 8;
            List<List<StoredSigningKey>> sets = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                sets.add(List.of(key("verifying-" + i, JwsAlgorithm.HS256, Optional.empty()), key("signing-" + i, JwsAlgorithm.HS256,
                        Optional.empty())));
            }
            List<List<StoredSigningKey>> heldAfter = Race.run(racers, i -> newStore(feed).addFirst(sets.get(i)));

            List<StoredSigningKey> held = store.keys();
            assertThat(sets).as("round " + round + ": one racer's set").contains(held);
            assertThat(heldAfter).as("round " + round + ": every racer sees it").allSatisfy(seen -> assertThat(seen).isEqualTo(held));
        }
    }

    @Test
    void aChange_addsAfterTheKeysHeld_reschedules_andRecordsTheRetirement_inOneTransaction() {
        store.addFirst(List.of(key("a", JwsAlgorithm.HS256, Optional.empty())));
        List<Revocation> delivered = new ArrayList<>();
        feed.subscribe(delivered::add);
        AtomicInteger told = new AtomicInteger();
        store.onChange(told::incrementAndGet);
        StoredSigningKey b = key("b", JwsAlgorithm.ES256, Optional.empty());
        ScheduledKey aRetired = new ScheduledKey("a", NOW, Optional.of(NOW.plusSeconds(1)));
        KeyRetired revocation = new KeyRetired("a", NOW.plusSeconds(930));

        SigningKeyChange change = store.change(held -> {
            assertThat(held).extracting(StoredSigningKey::keyId).containsExactly("a");
            return new SigningKeyChange(List.of(b), List.of(aRetired), Optional.of(revocation));
        });

        assertThat(change.added()).containsExactly(b);
        assertThat(store.keys()).extracting(StoredSigningKey::schedule).containsExactly(aRetired, b.schedule());
        assertThat(feed.current(NOW)).contains(revocation);
        assertThat(delivered).containsExactly(revocation);
        assertThat(told).hasValue(1);
    }

    @Test
    void aChangeThatFails_writesNothing() {
        store.addFirst(List.of(key("a", JwsAlgorithm.HS256, Optional.empty())));
        List<StoredSigningKey> before = store.keys();

        assertThatThrownBy(() -> store.change(held -> {
            throw new IllegalStateException("decided against it");
        })).isInstanceOf(IllegalStateException.class).hasMessage("decided against it");
        assertThatThrownBy(() -> store.change(held -> new SigningKeyChange(List.of(key("c", JwsAlgorithm.HS256, Optional.empty())),
                List.of(new ScheduledKey("missing", NOW, Optional.empty())), Optional.of(new KeyRetired("a", NOW)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing");

        assertThat(store.keys()).isEqualTo(before);
        assertThat(feed.current(NOW)).noneMatch(KeyRetired.class::isInstance);
    }

    @Test
    void changesAtOnce_runOneAtATime_eachSeeingWhatTheOthersWrote() throws Exception {
        store.addFirst(List.of(key("first", JwsAlgorithm.HS256, Optional.empty())));
        int racers = 8;

        List<Integer> seen = Race.run(racers, i -> {
            AtomicInteger held = new AtomicInteger();
            newStore(feed).change(keys -> {
                held.set(keys.size());
                return new SigningKeyChange(List.of(key("racer-" + i, JwsAlgorithm.HS256, Optional.empty())), List.of(),
                        Optional.empty());
            });
            return held.get();
        });

        assertThat(Set.copyOf(seen)).as("each change saw a different number of keys").hasSize(racers);
        assertThat(store.keys()).hasSize(racers + 1);
        List<Integer> sequence = jdbi().withHandle(handle -> handle.createQuery("SELECT seq FROM signing_keys ORDER BY seq")
                .mapTo(Integer.class).list());
        assertThat(sequence).isEqualTo(IntStream.rangeClosed(1, racers + 1).boxed().collect(Collectors.toList()));
    }

    static StoredSigningKey key(String kid, JwsAlgorithm algorithm, Optional<Instant> retireAt) {
        byte[] sealed = new byte[60];
        ThreadLocalRandom.current().nextBytes(sealed);
        return new StoredSigningKey(algorithm, sealed, NOW, new ScheduledKey(kid, NOW, retireAt));
    }
}

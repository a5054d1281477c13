package dev.inkan.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.inkan.application.port.in.KeyRetirement;
import dev.inkan.application.port.in.KeyRotation;
import dev.inkan.application.port.in.KeySummary;
import dev.inkan.application.port.out.StoredSigningKey;
import dev.inkan.application.service.KeyStoreFakes.MemoryStore;
import dev.inkan.application.service.KeyStoreFakes.NumberedKeys;
import dev.inkan.application.service.KeyStoreFakes.RememberingEncryption;
import dev.inkan.domain.KeyNotFoundException;
import dev.inkan.domain.KeyState;
import dev.inkan.domain.Revocation.KeyRetired;
import dev.inkan.domain.ScheduledKey;
import dev.inkan.token.JwsAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** keys rotate, list and retire as the operator sees them: the key ids, states and instants they print. */
class AdministerKeysServiceTest {

    private static final Instant START = Fixtures.NOW;
    private static final Duration DELAY = Duration.ofMinutes(10);
    private static final Duration REACH = Duration.ofMinutes(15).plusSeconds(30);

    private final MemoryStore store = new MemoryStore();
    private final RememberingEncryption encryption = new RememberingEncryption();
    private final MutableClock clock = new MutableClock(START);
    private final AdministerKeysService keys = new AdministerKeysService(store, encryption, new NumberedKeys(), JwsAlgorithm.HS256,
            algorithm -> {
                if (algorithm == JwsAlgorithm.HS512) {
                    throw new IllegalArgumentException("HS512 is not for here");
                }
            }, DELAY, REACH, clock);

    @BeforeEach
    void oneSigningKey() {
        store.addFirst(List.of(new StoredSigningKey(JwsAlgorithm.HS256, encryption.seal(Fixtures.key("old")), START,
                new ScheduledKey("old", START, Optional.empty()))));
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void rotate_publishesANewKeyAtOnce_thatSignsAfterTheDelay_andRetiresTheOldOneLater() {
        Instant now = clock.instant();

        KeyRotation rotation = keys.rotate(Optional.empty());

        assertThat(rotation.added()).isEqualTo(new KeySummary("new-1", JwsAlgorithm.HS256, KeyState.PUBLISHED, now.plus(DELAY),
                Optional.empty()));
        assertThat(rotation.rescheduled()).containsExactly(new KeySummary("old", JwsAlgorithm.HS256, KeyState.SIGNING, START,
                Optional.of(now.plus(DELAY).plus(REACH))));
        assertThat(keys.list()).extracting(KeySummary::keyId, KeySummary::state)
                .containsExactly(tuple("old", KeyState.SIGNING),
                        tuple("new-1", KeyState.PUBLISHED));

        clock.advance(DELAY);
        assertThat(keys.list()).extracting(KeySummary::state).containsExactly(KeyState.VERIFYING, KeyState.SIGNING);
        clock.advance(REACH);
        assertThat(keys.list()).extracting(KeySummary::state).containsExactly(KeyState.RETIRED, KeyState.SIGNING);
    }

    @Test
    void rotate_withAnAlgorithm_makesAKeyOfIt_unlessTheCheckRefusesIt_andThenStoresNothing() {
        assertThat(keys.rotate(Optional.of(JwsAlgorithm.HS384)).added().algorithm()).isEqualTo(JwsAlgorithm.HS384);

        assertThatThrownBy(() -> keys.rotate(Optional.of(JwsAlgorithm.HS512))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HS512 is not for here");
        assertThat(store.keys()).hasSize(2);
    }

    @Test
    void retiringTheSigningKey_handsSigningToThePublishedKey_andRecordsWhenItsLastTokenExpires() {
        keys.rotate(Optional.empty());
        clock.advance(Duration.ofSeconds(30));
        Instant now = clock.instant();

        KeyRetirement retirement = keys.retire("old");

        assertThat(retirement.retired().state()).isEqualTo(KeyState.RETIRED);
        assertThat(retirement.lastTokenExpiry()).isEqualTo(now.plus(REACH));
        assertThat(retirement.successor()).hasValueSatisfying(next -> {
            assertThat(next.keyId()).isEqualTo("new-1");
            assertThat(next.state()).isEqualTo(KeyState.SIGNING);
            assertThat(next.signsFrom()).isEqualTo(now);
        });
        assertThat(retirement.successorIsNew()).isFalse();
        assertThat(store.retired).containsExactly(new KeyRetired("old", now.plus(REACH)));
    }

    @Test
    void retiringTheOnlyKey_makesANewOneOfTheConfiguredAlgorithm_thatSignsAtOnce() {
        KeyRetirement retirement = keys.retire("old");

        assertThat(retirement.successorIsNew()).isTrue();
        assertThat(retirement.successor().orElseThrow()).isEqualTo(new KeySummary("new-1", JwsAlgorithm.HS256, KeyState.SIGNING,
                clock.instant(), Optional.empty()));
        assertThat(keys.list()).extracting(KeySummary::state).containsExactly(KeyState.RETIRED, KeyState.SIGNING);
    }

    @Test
    void retiringAVerifyingKey_namesNoSuccessor_andKeepsItsScheduledEndAsTheLastTokensExpiry() {
        keys.rotate(Optional.empty());
        Instant scheduledEnd = store.keys().get(0).schedule().retireAt().orElseThrow();
        clock.advance(DELAY.plusSeconds(1));

        KeyRetirement retirement = keys.retire("old");

        assertThat(retirement.successor()).isEmpty();
        assertThat(retirement.lastTokenExpiry()).isEqualTo(scheduledEnd);
    }

    @Test
    void anUnknownKey_orOneRetiredAlready_isRefused_andNothingIsRecorded() {
        keys.retire("old");

        assertThatThrownBy(() -> keys.retire("nope")).isInstanceOf(KeyNotFoundException.class);
        assertThatThrownBy(() -> keys.retire("old")).isInstanceOf(IllegalStateException.class).hasMessageContaining("retired already");
        assertThat(store.retired).hasSize(1);
    }
}

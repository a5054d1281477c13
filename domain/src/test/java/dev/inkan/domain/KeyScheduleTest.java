package dev.inkan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which key signs, verifies and retires when, through rotations and early retirements, as an operator sees it in keys list. */
class KeyScheduleTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final Duration DELAY = Duration.ofMinutes(10);
    /** An access token's 15 minutes and the 30 seconds of leeway. */
    private static final Duration REACH = Duration.ofMinutes(15).plusSeconds(30);

    private final KeySchedule one = new KeySchedule(List.of(new ScheduledKey("a", T0, Optional.empty())));

    @Test
    void aRotation_publishesAtOnce_signsAfterTheDelay_andRetiresTheOldKeyOneTokenReachLater() {
        Instant now = T0.plusSeconds(60);
        KeySchedule rotated = rotate(one, "b", now);
        ScheduledKey a = rotated.find("a").orElseThrow();
        ScheduledKey b = rotated.find("b").orElseThrow();

        assertThat(b.signsFrom()).isEqualTo(now.plus(DELAY));
        assertThat(a.retireAt()).contains(now.plus(DELAY).plus(REACH));
        assertThat(b.retireAt()).as("the newest key retires only when another takes over").isEmpty();

        assertThat(rotated.state(a, now)).isEqualTo(KeyState.SIGNING);
        assertThat(rotated.state(b, now)).isEqualTo(KeyState.PUBLISHED);
        assertThat(rotated.ring(now)).extracting(ScheduledKey::keyId).as("the signing key first; both verify").containsExactly("a", "b");

        Instant switched = b.signsFrom();
        assertThat(rotated.state(a, switched)).isEqualTo(KeyState.VERIFYING);
        assertThat(rotated.state(b, switched)).isEqualTo(KeyState.SIGNING);
        assertThat(rotated.ring(switched)).extracting(ScheduledKey::keyId).containsExactly("b", "a");

        Instant retired = a.retireAt().orElseThrow();
        assertThat(rotated.state(a, retired.minusMillis(1))).isEqualTo(KeyState.VERIFYING);
        assertThat(rotated.state(a, retired)).isEqualTo(KeyState.RETIRED);
        assertThat(rotated.ring(retired)).extracting(ScheduledKey::keyId).containsExactly("b");
    }

    @Test
    void theNextChange_isTheNextInstantAKeyStartsSigningOrRetires() {
        Instant now = T0.plusSeconds(60);
        KeySchedule rotated = rotate(one, "b", now);

        assertThat(rotated.nextChange(now)).contains(now.plus(DELAY));
        assertThat(rotated.nextChange(now.plus(DELAY))).contains(now.plus(DELAY).plus(REACH));
        assertThat(rotated.nextChange(now.plus(DELAY).plus(REACH))).isEmpty();
        assertThat(one.nextChange(now)).isEmpty();
    }

    @Test
    void aRotationWhileOneIsPending_letsThePendingKeySignFirst_andNeverHandsSigningBack() {
        Instant first = T0.plusSeconds(60);
        Instant second = first.plusSeconds(60);
        KeySchedule twice = rotate(rotate(one, "b", first), "c", second);
        ScheduledKey b = twice.find("b").orElseThrow();
        ScheduledKey c = twice.find("c").orElseThrow();

        assertThat(c.signsFrom()).isEqualTo(second.plus(DELAY));
        assertThat(b.retireAt()).contains(c.signsFrom().plus(REACH));
        assertThat(twice.find("a").orElseThrow().retireAt()).contains(b.signsFrom().plus(REACH));
        assertThat(twice.signing(b.signsFrom()).map(ScheduledKey::keyId)).contains("b");
        assertThat(twice.signing(c.signsFrom()).map(ScheduledKey::keyId)).contains("c");

        KeySchedule shorter = rotate(one, "b", first).with(new ScheduledKey("c",
                rotate(one, "b", first).nextSigningStart(second, Duration.ofSeconds(2)), Optional.empty())).settled(second, REACH);
        assertThat(shorter.find("c").orElseThrow().signsFrom()).as("a shorter delay waits for the key before it")
                .isEqualTo(shorter.find("b").orElseThrow().signsFrom());
        assertThat(shorter.signing(shorter.find("c").orElseThrow().signsFrom()).map(ScheduledKey::keyId)).contains("c");
    }

    @Test
    void retiringTheSigningKey_handsSigningToThePublishedKeyAtOnce() {
        Instant rotatedAt = T0.plusSeconds(60);
        Instant now = rotatedAt.plusSeconds(30);
        KeySchedule retired = rotate(one, "b", rotatedAt).retiring("a", now).settled(now, REACH);

        assertThat(retired.state(retired.find("a").orElseThrow(), now)).isEqualTo(KeyState.RETIRED);
        assertThat(retired.signing(now).map(ScheduledKey::keyId)).contains("b");
        assertThat(retired.find("b").orElseThrow().signsFrom()).isEqualTo(now);
        assertThat(retired.find("b").orElseThrow().retireAt()).isEmpty();
        assertThat(retired.ring(now)).extracting(ScheduledKey::keyId).containsExactly("b");
    }

    @Test
    void retiringTheOnlySigningKey_leavesNoSigner_forTheCallerToAddANewOne() {
        Instant now = T0.plusSeconds(60);
        KeySchedule retired = one.retiring("a", now);

        assertThat(retired.signing(now)).isEmpty();
        KeySchedule renewed = retired.with(new ScheduledKey("n", now, Optional.empty())).settled(now, REACH);
        assertThat(renewed.signing(now).map(ScheduledKey::keyId)).contains("n");
    }

    @Test
    void retiringThePublishedKey_letsTheSigningKeySignOn_withoutARetirement() {
        Instant now = T0.plusSeconds(90);
        KeySchedule retired = rotate(one, "b", T0.plusSeconds(60)).retiring("b", now).settled(now, REACH);

        assertThat(retired.find("a").orElseThrow().retireAt()).as("never a ring without a signing key").isEmpty();
        assertThat(retired.signing(now.plus(Duration.ofDays(1))).map(ScheduledKey::keyId)).contains("a");
    }

    @Test
    void retiringAVerifyingKey_changesNothingElse() {
        Instant rotatedAt = T0.plusSeconds(60);
        KeySchedule rotated = rotate(one, "b", rotatedAt);
        Instant now = rotatedAt.plus(DELAY).plusSeconds(5);

        KeySchedule retired = rotated.retiring("a", now).settled(now, REACH);

        assertThat(retired.changedFrom(rotated)).containsExactly(new ScheduledKey("a", T0, Optional.of(now)));
    }

    @Test
    void theLastTokenOfARetiredKey_expiresAtItsRetirement_orOneReachFromNowIfItMaySignUntilNow() {
        Instant rotatedAt = T0.plusSeconds(60);
        KeySchedule rotated = rotate(one, "b", rotatedAt);
        ScheduledKey a = rotated.find("a").orElseThrow();

        Instant whileSigning = rotatedAt.plusSeconds(1);
        assertThat(rotated.lastTokenExpiry(a, whileSigning, REACH)).isEqualTo(whileSigning.plus(REACH));
        Instant whileVerifying = rotatedAt.plus(DELAY).plusSeconds(1);
        assertThat(rotated.lastTokenExpiry(a, whileVerifying, REACH)).isEqualTo(a.retireAt().orElseThrow());
    }

    @Test
    void importedKeys_signWithTheNewest_andTheOthersVerifyOneTokenReach() {
        KeySchedule imported = new KeySchedule(List.of(new ScheduledKey("old", T0, Optional.empty()),
                new ScheduledKey("signer", T0, Optional.empty()))).settled(T0, REACH);

        assertThat(imported.signing(T0).map(ScheduledKey::keyId)).contains("signer");
        assertThat(imported.find("old").orElseThrow().retireAt()).contains(T0.plus(REACH));
        assertThat(imported.find("signer").orElseThrow().retireAt()).isEmpty();
    }

    @Test
    void anUnknownOrRetiredKey_cannotBeRetired_andKeyIdsAreUnique() {
        Instant now = T0.plusSeconds(60);

        assertThatThrownBy(() -> one.retiring("nope", now)).isInstanceOf(KeyNotFoundException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> one.retiring("a", now).retiring("a", now.plusSeconds(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("retired already");
        assertThatThrownBy(() -> one.with(new ScheduledKey("a", now, Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
        assertThat(KeyState.PUBLISHED).hasToString("published");
    }

    private static KeySchedule rotate(KeySchedule schedule, String keyId, Instant now) {
        return schedule.with(new ScheduledKey(keyId, schedule.nextSigningStart(now, DELAY), Optional.empty())).settled(now, REACH);
    }
}

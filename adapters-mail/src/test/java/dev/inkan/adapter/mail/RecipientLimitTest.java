package dev.inkan.adapter.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inkan.domain.Email;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** At most N messages to one address in any rolling hour, exactly. */
class RecipientLimitTest {

    private final MutableClock clock = new MutableClock();
    private final RecipientLimit limit = new RecipientLimit(3, clock);
    private final Email ann = new Email("ann@example.org");

    @Test
    void theLimit_holdsInAnyRollingHour_andFreesEachSlotAnHourAfterItWasUsed() {
        assertThat(limit.tryAcquire(ann)).isTrue();
        clock.advance(Duration.ofMinutes(20));
        assertThat(limit.tryAcquire(ann)).isTrue();
        clock.advance(Duration.ofMinutes(20));
        assertThat(limit.tryAcquire(ann)).isTrue();
        assertThat(limit.tryAcquire(ann)).as("the fourth within the hour").isFalse();

        clock.advance(Duration.ofMinutes(19));
        assertThat(limit.tryAcquire(ann)).as("59 minutes after the first").isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(limit.tryAcquire(ann)).as("an hour after the first, its slot is free").isTrue();
        assertThat(limit.tryAcquire(ann)).as("but only that one").isFalse();
    }

    @Test
    void addressesAreCountedApart_asTheirNormalisedForm() {
        for (int i = 0; i < 3; i++) {
            assertThat(limit.tryAcquire(new Email(" Ann@Example.org "))).isTrue();
        }
        assertThat(limit.tryAcquire(ann)).isFalse();
        assertThat(limit.tryAcquire(new Email("bob@example.org"))).isTrue();
    }

    @Test
    void aReleasedMessage_givesItsSlotBack() {
        for (int i = 0; i < 3; i++) {
            limit.tryAcquire(ann);
        }
        limit.release(ann);
        assertThat(limit.tryAcquire(ann)).isTrue();
        assertThat(limit.tryAcquire(ann)).isFalse();
    }
}

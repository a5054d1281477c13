package dev.inkan.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MachineTimeTest {

    @Test
    void theBusyTicks_areAllButIdleIoWaitAndSteal() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        assertThat(MachineTime.busyTicks("cpu  1000 20 300 9000 50 4 6 70 0 0")).isEqualTo(1000 + 20 + 300 + 4 + 6);
    }

    @Test
    void aLineOfOneCore_isNotTheMachines() {
        assertThatThrownBy(() -> MachineTime.busyTicks("cpu0 1000 20 300 9000 50 4 6 70 0 0"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.inkan.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The time all the machine's cores have been busy, from Linux's {@code /proc/stat}: what a
 * benchmark on a machine its database shares costs the machine, every process included.
 */
final class MachineTime {

    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** The kernel's clock ticks a second (USER_HZ), which is 100 on every Linux architecture Java runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private MachineTime() {
    }

    /** @return the busy time of all cores since boot, or empty where there is no {@code /proc/stat} */
    static OptionalLong busyNanos() {
        try {
            List<String> lines = Files.readAllLines(PROC_STAT);
            return OptionalLong.of(busyTicks(lines.get(0)) * (1_000_000_000L / TICKS_PER_SECOND));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * @param cpuLine the first line of {@code /proc/stat}: "cpu user nice system idle iowait irq softirq steal ..."
     * @return user, nice, system, irq and softirq ticks: neither idle, waiting for I/O, nor taken by a hypervisor (steal)
     */
    static long busyTicks(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        if (!fields[0].equals("cpu") || fields.length < 9) {
            throw new IllegalArgumentException("not the cpu line of /proc/stat: " + cpuLine);
        }
        long busy = 0;
        for (int field : new int[] {1, 2, 3, 6, 7}) {
            busy += Long.parseLong(fields[field]);
        }
        return busy;
    }
}

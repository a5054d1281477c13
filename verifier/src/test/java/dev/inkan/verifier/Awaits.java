package dev.inkan.verifier;

import java.util.function.BooleanSupplier;

/** Test helper: waits for what another thread does, polling, for at most five seconds. */
final class Awaits {

    private Awaits() {
    }

    static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within five seconds: " + what);
            }
            Thread.sleep(10);
        }
    }
}

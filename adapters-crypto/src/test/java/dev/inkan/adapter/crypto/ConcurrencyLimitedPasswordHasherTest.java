package dev.inkan.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.application.port.out.PasswordHashingBusyException;
import dev.inkan.domain.Password;
import dev.inkan.domain.PasswordHash;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitedPasswordHasherTest {

    private static final PasswordHash HASH = new PasswordHash("$argon2id$x");
    private static final Password PASSWORD = new Password("correct horse battery");

    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    /** A hasher that counts how many calls are inside it at once and holds each until released. */
    private final PasswordHasher slow = new PasswordHasher() {
        @Override
        public PasswordHash hash(Password password) {
            enter();
            return new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA");
        }

        @Override
        public boolean verify(PasswordHash hash, Password password) {
            enter();
            return true;
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return false;
        }

        private void enter() {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        }
    };

    @Test
    void aBurstOfHashes_runsAtMostTheLimitAtOnce_andEveryOneCompletes() throws Exception {
        ExecutorService burst = Executors.newFixedThreadPool(8);
        try (var limited = new ConcurrencyLimitedPasswordHasher(slow, 2, 8)) {
            List<Future<Boolean>> logins = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                logins.add(burst.submit(() -> limited.verify(new PasswordHash("$argon2id$x"), new Password("correct horse battery"))));
            }
            while (running.get() < 2) {
                Thread.onSpinWait();
            }
            Thread.sleep(100); // time for any excess call to get in, were the limit not holding
            assertThat(running.get()).isEqualTo(2);

            release.countDown();
            for (Future<Boolean> login : logins) {
                assertThat(login.get(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(mostAtOnce.get()).isEqualTo(2);
        } finally {
            burst.shutdownNow();
        }
    }

    @Test
    void aHashThatFails_failsItsCaller_withTheSameException_andTheNextHashRuns() {
        IllegalStateException broken = new IllegalStateException("native library missing");
        PasswordHasher failing = new PasswordHasher() {
            @Override
            public PasswordHash hash(Password password) {
                throw broken;
            }

            @Override
            public boolean verify(PasswordHash hash, Password password) {
                return true;
            }

            @Override
            public boolean needsRehash(PasswordHash hash) {
                return false;
            }
        };
        try (var limited = new ConcurrencyLimitedPasswordHasher(failing, 1, 1)) {
            assertThatThrownBy(() -> limited.hash(new Password("correct horse battery"))).isSameAs(broken);
            assertThat(limited.verify(new PasswordHash("$argon2id$x"), new Password("correct horse battery"))).isTrue();
        }
    }

    @Test
    void anInterruptedCaller_stillGetsItsAnswer_andKeepsTheInterrupt() {
        release.countDown();
        try (var limited = new ConcurrencyLimitedPasswordHasher(slow, 1, 0)) {
            Thread.currentThread().interrupt();

            assertThat(limited.verify(new PasswordHash("$argon2id$x"), new Password("correct horse battery"))).isTrue();
            assertThat(Thread.interrupted()).isTrue();
        }
    }

    @Test
    void aFullLine_refusesTheNextHashAtOnce_withBusy_andTakesHashesAgainOnceItMoves() throws Exception {
        try (var limited = new ConcurrencyLimitedPasswordHasher(slow, 1, 2)) {
            List<Thread> admitted = List.of(login(limited), login(limited), login(limited)); // one runs, two wait
            awaitRunning(1);
            admitted.forEach(ConcurrencyLimitedPasswordHasherTest::awaitParked);

            long started = System.nanoTime();
            assertThatThrownBy(() -> limited.verify(HASH, PASSWORD)).isInstanceOf(PasswordHashingBusyException.class);
            assertThatThrownBy(() -> limited.hash(PASSWORD)).isInstanceOf(PasswordHashingBusyException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("refused without waiting").isLessThan(Duration.ofSeconds(1));
            assertThat(running.get()).isEqualTo(1);

            release.countDown();
            for (Thread login : admitted) {
                login.join(10_000);
                assertThat(login.isAlive()).isFalse();
            }
            assertThat(limited.verify(HASH, PASSWORD)).as("the line has room again").isTrue();
        }
    }

    @Test
    void withNoLine_aHashThatFindsEveryThreadBusy_isRefused() throws Exception {
        try (var limited = new ConcurrencyLimitedPasswordHasher(slow, 2, 0)) {
            List<Thread> admitted = List.of(login(limited), login(limited));
            awaitRunning(2);

            assertThatThrownBy(() -> limited.verify(HASH, PASSWORD)).isInstanceOf(PasswordHashingBusyException.class);

            release.countDown();
            for (Thread login : admitted) {
                login.join(10_000);
            }
            assertThat(limited.verify(HASH, PASSWORD)).isTrue();
        }
    }

    @Test
    void needsRehash_isAnsweredAtOnce_evenWhenTheLineIsFull() throws Exception {
        try (var limited = new ConcurrencyLimitedPasswordHasher(slow, 1, 0)) {
            Thread busy = login(limited);
            awaitRunning(1);

            assertThat(limited.needsRehash(HASH)).isFalse();

            release.countDown();
            busy.join(10_000);
        }
    }

    @Test
    void closing_failsTheHashesStillWaiting_insteadOfLeavingThemWaitingForGood() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        var limited = new ConcurrencyLimitedPasswordHasher(slow, 1, 1);
        Thread running = login(limited);
        awaitRunning(1);
        Thread waiting = new Thread(() -> {
            try {
                limited.verify(HASH, PASSWORD);
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        waiting.start();
        awaitParked(waiting);

        limited.close();

        waiting.join(5_000);
        assertThat(waiting.isAlive()).as("the waiting caller got an answer").isFalse();
        assertThat(failure.get()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> limited.verify(HASH, PASSWORD)).isInstanceOf(RejectedExecutionException.class);
        release.countDown();
        running.join(10_000);
    }

    @Test
    void aLimitBelowOne_orANegativeLine_isRefused() {
        assertThatThrownBy(() -> new ConcurrencyLimitedPasswordHasher(slow, 0, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConcurrencyLimitedPasswordHasher(slow, 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A login on a thread of its own, which takes its place in the hasher (running or waiting). */
    private static Thread login(ConcurrencyLimitedPasswordHasher limited) {
        Thread thread = new Thread(() -> limited.verify(HASH, PASSWORD));
        thread.start();
        return thread;
    }

    private void awaitRunning(int hashes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (running.get() < hashes) {
            assertThat(System.nanoTime()).as("%d hashes running", hashes).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** Waits until {@code caller} is parked: waiting for its hash, in the line or while it runs. */
    private static void awaitParked(Thread caller) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (caller.getState() != Thread.State.WAITING && caller.getState() != Thread.State.TIMED_WAITING) {
            assertThat(System.nanoTime()).as("%s parked", caller.getName()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}

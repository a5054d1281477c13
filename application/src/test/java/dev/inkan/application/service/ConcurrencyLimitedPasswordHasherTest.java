package dev.inkan.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.domain.Password;
import dev.inkan.domain.PasswordHash;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrencyLimitedPasswordHasherTest {

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
        try (var limited = new ConcurrencyLimitedPasswordHasher(slow, 2)) {
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
        try (var limited = new ConcurrencyLimitedPasswordHasher(failing, 1)) {
            assertThatThrownBy(() -> limited.hash(new Password("correct horse battery"))).isSameAs(broken);
            assertThat(limited.verify(new PasswordHash("$argon2id$x"), new Password("correct horse battery"))).isTrue();
        }
    }

    @Test
    void anInterruptedCaller_stillGetsItsAnswer_andKeepsTheInterrupt() {
        release.countDown();
        try (var limited = new ConcurrencyLimitedPasswordHasher(slow, 1)) {
            Thread.currentThread().interrupt();

            assertThat(limited.verify(new PasswordHash("$argon2id$x"), new Password("correct horse battery"))).isTrue();
            assertThat(Thread.interrupted()).isTrue();
        }
    }

    @Test
    void aLimitBelowOne_isRefused() {
        assertThatThrownBy(() -> new ConcurrencyLimitedPasswordHasher(slow, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

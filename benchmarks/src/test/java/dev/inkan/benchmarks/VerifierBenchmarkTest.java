package dev.inkan.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.verifier.TokenRefusedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verifier is measured doing the whole check: it accepts the token, with its feed current, and refuses a bad signature. */
class VerifierBenchmarkTest {

    private final VerifierBenchmark benchmark = new VerifierBenchmark();

    @BeforeEach
    void setUp() throws Exception {
        benchmark.roles = TokenFixture.ROLES.size();
        benchmark.setUp();
    }

    @AfterEach
    void tearDown() {
        benchmark.tearDown();
    }

    @Test
    void theVerifierAcceptsTheToken_withItsFeedCurrent_andTheFloorMatchesItsSignature() throws Exception {
        assertThat(benchmark.inkanVerifier()).isNotNull();
        assertThat(benchmark.verifier.acceptedWhileStale()).as("the feed is current: the usual path").isZero();
        assertThat(benchmark.verifier.status().feedCurrentAt()).isPresent();
        assertThat(benchmark.hmacFloor()).isTrue();
    }

    @Test
    void theVerifierRefusesABadSignature() throws Exception {
        String good = benchmark.token;
        char last = good.charAt(good.length() - 2);
        benchmark.token = good.substring(0, good.length() - 2) + (last == 'A' ? 'B' : 'A') + good.charAt(good.length() - 1);

        assertThatThrownBy(benchmark::inkanVerifier).isInstanceOf(TokenRefusedException.class);
        assertThat(benchmark.hmacFloor()).isFalse();
    }
}

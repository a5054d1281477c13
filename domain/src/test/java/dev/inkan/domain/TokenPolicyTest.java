package dev.inkan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenPolicyTest {

    private static final Instant LOGIN = Instant.parse("2030-01-01T00:00:00Z");
    private final TokenPolicy policy = new TokenPolicy(Duration.ofMinutes(15), Duration.ofDays(7));

    @Test
    void refreshTokens_slideForward_butNeverPastTheSessionsAbsoluteLifetime() {
        TokenPolicy month = new TokenPolicy(Duration.ofMinutes(15), Duration.ofDays(7), Duration.ofDays(30));

        assertThat(month.refreshExpiry(LOGIN, LOGIN)).isEqualTo(LOGIN.plus(Duration.ofDays(7)));
        assertThat(month.refreshExpiry(LOGIN.plus(Duration.ofDays(20)), LOGIN)).isEqualTo(LOGIN.plus(Duration.ofDays(27)));
        assertThat(month.refreshExpiry(LOGIN.plus(Duration.ofDays(25)), LOGIN)).isEqualTo(LOGIN.plus(Duration.ofDays(30)));
        assertThat(month.sessionEndsAt(LOGIN)).isEqualTo(LOGIN.plus(Duration.ofDays(30)));
        assertThat(policy.sessionMaxLifetime()).isEqualTo(TokenPolicy.DEFAULT_SESSION_MAX_LIFETIME);
    }

    @Test
    void lifetimes_areWholeSecondsAndPositive() {
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1), Duration.ofMillis(1500)}) {
            assertThatThrownBy(() -> new TokenPolicy(bad, Duration.ofDays(7))).as("access " + bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("access lifetime");
            assertThatThrownBy(() -> new TokenPolicy(Duration.ofSeconds(1), bad)).as("refresh " + bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refresh lifetime");
            assertThatThrownBy(() -> new TokenPolicy(Duration.ofSeconds(1), Duration.ofDays(7), bad)).as("session " + bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session lifetime");
        }
    }

    @Test
    void neitherTheRefreshNorTheSessionLifetime_isShorterThanAnAccessToken() {
        assertThatThrownBy(() -> new TokenPolicy(Duration.ofMinutes(15), Duration.ofMinutes(14)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refresh lifetime");
        assertThatThrownBy(() -> new TokenPolicy(Duration.ofMinutes(15), Duration.ofDays(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("session lifetime");
        assertThat(new TokenPolicy(Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(15))).isNotNull();
    }
}

package dev.inkan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inkan.application.port.in.ListSecurityEventsUseCase;
import dev.inkan.application.port.in.LoginCommand;
import dev.inkan.application.port.in.RegisterCommand;
import dev.inkan.application.port.out.SecurityEventLog;
import dev.inkan.domain.InvalidCredentialsException;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventCursor;
import dev.inkan.domain.SecurityEventFilter;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The security log through the library: what the use cases record, how long it keeps it, and what it counts. */
class SecurityLogLibraryTest {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void theHousekeeping_purgesEventsOlderThanTheRetention_andKeepsTheYoungerOnes() {
        MovableClock clock = new MovableClock(Instant.parse("2030-01-01T00:00:00Z"));
        try (Inkan inkan = Inkan.builder().jdbcUrl(h2(), "", "").secret(TestKeys.randomKey(32)).clock(clock)
                .eventRetention(Duration.ofDays(30)).build()) {
            UserId ann = inkan.register().register(RegisterCommand.of("ann@example.com", PASSWORD)).id();
            inkan.login().login(LoginCommand.of("ann@example.com", PASSWORD));
            clock.advance(Duration.ofDays(20));
            assertThatThrownBy(() -> inkan.login().login(LoginCommand.of("ann@example.com", "wrong password!")))
                    .isInstanceOf(InvalidCredentialsException.class);

            clock.advance(Duration.ofDays(11)); // the login is 31 days old, the failure 11
            inkan.housekeepNow();

            assertThat(types(inkan, ann)).containsExactly(SecurityEventType.LOGIN_FAILED);
        }
    }

    @Test
    void theCounters_countWhatWasRecorded_byType() {
        try (Inkan inkan = Inkan.builder().jdbcUrl(h2(), "", "").secret(TestKeys.randomKey(32)).build()) {
            inkan.register().register(RegisterCommand.of("ann@example.com", PASSWORD));
            inkan.login().login(LoginCommand.of("ann@example.com", PASSWORD));
            for (String email : List.of("ann@example.com", "nobody@example.com")) {
                assertThatThrownBy(() -> inkan.login().login(LoginCommand.of(email, "wrong password!")))
                        .isInstanceOf(InvalidCredentialsException.class);
            }

            assertThat(inkan.eventCounts().recorded(SecurityEventType.LOGIN_SUCCEEDED)).isEqualTo(1);
            assertThat(inkan.eventCounts().recorded(SecurityEventType.LOGIN_FAILED)).isEqualTo(2);
            assertThat(inkan.eventCounts().recorded(SecurityEventType.LOGOUT)).isZero();
            assertThat(inkan.events().all(SecurityEventFilter.all(), Optional.empty(), ListSecurityEventsUseCase.MAX_PAGE).events())
                    .hasSize(3);
        }
    }

    @Test
    void aSecurityLogOfTheApplicationsOwn_comesWithStoresOfItsOwn_andTheRetentionIsADayAtLeast() {
        assertThatThrownBy(() -> Inkan.builder().jdbcUrl(h2(), "", "").secret(TestKeys.randomKey(32))
                .securityEventLog(new NoLog()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("securityEventLog(…)").hasMessageContaining("userRepository(…)");
        assertThatThrownBy(() -> Inkan.builder().eventRetention(Duration.ofHours(23))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Inkan.builder().secret(TestKeys.randomKey(32)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("security event log");
    }

    private static List<SecurityEventType> types(Inkan inkan, UserId user) {
        return inkan.events().ofUser(user, Optional.empty(), ListSecurityEventsUseCase.MAX_PAGE).events().stream()
                .map(SecurityEvent::type).toList();
    }

    private static String h2() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    /** A clock a test moves forward. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** A log of an application's own that keeps nothing, for the builder's checks. */
    static final class NoLog implements SecurityEventLog {
        @Override
        public void record(SecurityEvent event) {
        }

        @Override
        public List<SecurityEvent> listAll(SecurityEventFilter filter, Optional<SecurityEventCursor> before, int limit) {
            return List.of();
        }

        @Override
        public int purgeOlderThan(Instant before) {
            return 0;
        }

        @Override
        public void subscribe(Consumer<SecurityEvent> listener) {
        }
    }
}

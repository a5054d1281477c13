package dev.inkan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The security log's values: what an event may and must hold, and what never gets into one. */
class SecurityEventTest {

    private static final Instant NOW = Instant.parse("2030-01-02T03:04:05.123456789Z");
    private static final UserId ANN = new UserId(UUID.randomUUID());
    private static final RequestOrigin FROM_ANN = RequestOrigin.of(Actor.user(), "203.0.113.7", "Firefox", "req-1");

    @Test
    void everyType_hasAStableSnakeCaseWireName_thatReadsBack() {
        assertThat(Arrays.stream(SecurityEventType.values()).map(SecurityEventType::wireName)).containsExactly(
                "login_succeeded", "login_failed", "refresh_reuse_detected", "logout", "logout_all", "session_ended",
                "password_changed", "password_reset_requested", "password_reset_completed", "email_verified", "email_changed",
                "account_deleted", "role_granted", "role_revoked", "account_disabled", "account_enabled");
        for (SecurityEventType type : SecurityEventType.values()) {
            assertThat(SecurityEventType.fromWireName(type.wireName())).contains(type);
        }
        assertThat(SecurityEventType.fromWireName("LOGIN_SUCCEEDED")).isEmpty();
        assertThat(Arrays.stream(Actor.Kind.values()).map(Actor.Kind::wireName)).containsExactly("user", "admin", "cli", "application");
    }

    @Test
    void onlyAFailedLogin_mayLackAUser() {
        assertThat(SecurityEvent.loginFailed(UUID.randomUUID(), NOW, Optional.empty(), FROM_ANN).userId()).isEmpty();
        assertThatThrownBy(() -> new SecurityEvent(UUID.randomUUID(), NOW, SecurityEventType.LOGOUT, Optional.empty(),
                Optional.empty(), Optional.empty(), FROM_ANN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRoleChange_namesItsRole_andNoOtherEventDoes() {
        Role billing = new Role("billing:read");
        assertThat(SecurityEvent.ofRole(UUID.randomUUID(), NOW, SecurityEventType.ROLE_GRANTED, ANN, billing, FROM_ANN).role())
                .contains(billing);
        assertThatThrownBy(() -> SecurityEvent.of(UUID.randomUUID(), NOW, SecurityEventType.ROLE_REVOKED, ANN, FROM_ANN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecurityEvent.ofRole(UUID.randomUUID(), NOW, SecurityEventType.LOGOUT, ANN, billing, FROM_ANN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAccountDeletedEvent_keepsWhoActedAndTheRequestId_butNoClientAddressOrUserAgent() {
        RequestOrigin admin = RequestOrigin.of(Actor.admin(new UserId(UUID.randomUUID())), "192.0.2.1", "curl/8", "req-2");

        SecurityEvent deleted = SecurityEvent.of(UUID.randomUUID(), NOW, SecurityEventType.ACCOUNT_DELETED, ANN, admin);

        assertThat(deleted.origin()).isEqualTo(RequestOrigin.of(admin.actor(), null, null, "req-2"));
        assertThat(deleted.toString()).doesNotContain("192.0.2.1").doesNotContain("curl/8");
    }

    @Test
    void anEvent_isKeptToTheMicrosecond_asTheDatabasesKeepIt() {
        SecurityEvent event = SecurityEvent.of(UUID.randomUUID(), NOW, SecurityEventType.LOGOUT, ANN, FROM_ANN);

        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2030-01-02T03:04:05.123456Z"));
        assertThat(SecurityEventCursor.after(event)).isEqualTo(new SecurityEventCursor(event.occurredAt(), event.id()));
    }

    @Test
    void onlyAnAdministrator_isNamed_byTheirId() {
        UserId admin = new UserId(UUID.randomUUID());

        assertThat(Actor.admin(admin).userId()).contains(admin);
        assertThat(Actor.user().userId()).isEmpty();
        assertThatThrownBy(() -> new Actor(Actor.Kind.ADMIN, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Actor(Actor.Kind.CLI, Optional.of(admin))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anOrigin_trimsItsValues_dropsBlankOnes_andCutsLongOnes() {
        RequestOrigin origin = RequestOrigin.of(Actor.user(), " 2001:db8::1 ", "x".repeat(1000), "  ");

        assertThat(origin.clientAddress()).contains("2001:db8::1");
        assertThat(origin.userAgent()).hasValueSatisfying(agent -> assertThat(agent).hasSize(Session.MAX_USER_AGENT_LENGTH));
        assertThat(origin.requestId()).isEmpty();
        assertThat(RequestOrigin.of(Actor.user(), "a".repeat(100), null, "r".repeat(100)).clientAddress())
                .hasValueSatisfying(address -> assertThat(address).hasSize(RequestOrigin.MAX_CLIENT_ADDRESS_LENGTH));
        assertThat(RequestOrigin.cli()).isEqualTo(new RequestOrigin(Actor.cli(), Optional.empty(), Optional.empty(), Optional.empty()));
    }
}

package dev.inkan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

    @Test
    void email_isTrimmedAndLowerCased() {
        assertThat(new Email("  Alice@Example.COM ").value()).isEqualTo("alice@example.com");
        assertThat(new Email("İ@example.com").value()).isEqualTo("i̇@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "alice", "@example.com", "alice@", "a@b@c", "al ice@example.com", "alice@.example.com",
        "alice@example..com", "alice@example.com.", "a\u0000b@example.com"})
    void malformedEmail_isRefused(String email) {
        assertThatThrownBy(() -> new Email(email)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overlongEmails_areRefused() {
        assertThatThrownBy(() -> new Email("a".repeat(65) + "@example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Email("a@" + "b".repeat(250) + ".com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Email(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void password_neverShowsItself_andRegistrationCountsCharactersNotBytes() {
        assertThat(new Password("hunter2 secret").toString()).doesNotContain("hunter2");
        assertThatThrownBy(() -> new Password("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Password("x".repeat(1025))).isInstanceOf(IllegalArgumentException.class);
        PasswordPolicy eight = new PasswordPolicy(8);
        assertThatThrownBy(() -> eight.requireLongEnough(new Password("🔑".repeat(7)))).isInstanceOf(WeakPasswordException.class)
                .hasMessage("the password must be at least 8 characters");
        eight.requireLongEnough(new Password("🔑".repeat(8)));
        assertThatThrownBy(() -> new PasswordPolicy(7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordPolicy(65)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PasswordPolicy.defaults().minLength()).isEqualTo(15);
        assertThat(new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA").toString()).doesNotContain("aGFzaA");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-1-1-1-1", "{0b4fe2b2-8a5f-4f53-9d6e-3a1c6c1f2a10}", "0b4fe2b2-8a5f-4f53-9d6e-3a1c6c1f2a1",
        "0b4fe2b2-8a5f-4f53-9d6e-3a1c6c1f2a100", "0b4fe2b28a5f4f539d6e3a1c6c1f2a10aaaa", "zb4fe2b2-8a5f-4f53-9d6e-3a1c6c1f2a10"})
    void ids_mustBeCanonicalUuids(String text) {
        assertThatThrownBy(() -> UserId.parse(text)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionId.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refreshTokenStatus_revokedOutranksUsed_whichOutranksExpired() {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        RefreshTokenRecord fresh = RefreshTokenRecord.issue(UUID.randomUUID(), new UserId(UUID.randomUUID()),
                new SessionId(UUID.randomUUID()), now, new RefreshTokenHash("a".repeat(64)), now, now.plus(Duration.ofDays(7)));

        assertThat(fresh.statusAt(now)).isEqualTo(RefreshTokenRecord.Status.ACTIVE);
        assertThat(fresh.statusAt(now.plus(Duration.ofDays(7)))).isEqualTo(RefreshTokenRecord.Status.EXPIRED);
        RefreshTokenRecord used = with(fresh, Optional.of(now), Optional.empty());
        assertThat(used.statusAt(now.plus(Duration.ofDays(8)))).isEqualTo(RefreshTokenRecord.Status.USED);
        assertThat(with(fresh, Optional.of(now), Optional.of(now)).statusAt(now)).isEqualTo(RefreshTokenRecord.Status.REVOKED);
    }

    @Test
    void sessions_cutLongUserAgents_andDropBlankOnes() {
        Session session = Session.start(new SessionId(UUID.randomUUID()), new UserId(UUID.randomUUID()), Instant.EPOCH,
                Optional.of("x".repeat(300)));

        assertThat(session.userAgent()).hasValueSatisfying(agent -> assertThat(agent).hasSize(Session.MAX_USER_AGENT_LENGTH));
        assertThat(Session.start(session.id(), session.userId(), Instant.EPOCH, Optional.of("  ")).userAgent()).isEmpty();
    }

    private static RefreshTokenRecord with(RefreshTokenRecord record, Optional<Instant> usedAt, Optional<Instant> revokedAt) {
        return new RefreshTokenRecord(record.id(), record.userId(), record.familyId(), record.sessionStartedAt(),
                record.tokenHash(), record.issuedAt(),
                record.expiresAt(), usedAt, revokedAt, revokedAt.map(at -> RevokeReason.LOGOUT));
    }
}

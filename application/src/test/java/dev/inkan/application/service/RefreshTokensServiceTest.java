package dev.inkan.application.service;

import static dev.inkan.application.service.Fixtures.CLOCK;
import static dev.inkan.application.service.Fixtures.NOW;
import static dev.inkan.application.service.Fixtures.POLICY;
import static dev.inkan.application.service.Fixtures.SESSION;
import static dev.inkan.application.service.Fixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.inkan.application.port.in.IssuedTokens;
import dev.inkan.application.port.in.RefreshCommand;
import dev.inkan.application.port.out.CustomClaims;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.port.out.SessionStore;
import dev.inkan.application.port.out.TokenHasher;
import dev.inkan.application.tokens.SuccessorTokens;
import dev.inkan.application.tokens.TokenIssuer;
import dev.inkan.domain.Actor;
import dev.inkan.domain.InvalidRefreshTokenException;
import dev.inkan.domain.InvalidRefreshTokenException.Reason;
import dev.inkan.domain.RefreshTokenHash;
import dev.inkan.domain.RefreshTokenRecord;
import dev.inkan.domain.RefreshTokenReusedException;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.SessionId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class RefreshTokensServiceTest {

    private static final String PRESENTED = "presented-refresh-token-aaaaaaaaaaaaaaaaaaa";
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final Instant STARTED = NOW.minus(Duration.ofDays(2));

    private final SessionStore store = mock(SessionStore.class);
    private final RandomSource random = mock(RandomSource.class);
    private final TokenHasher hasher = RefreshTokensServiceTest::sha256;
    private final SuccessorTokens successors = Fixtures.successors();
    private final TokenIssuer issuer = new TokenIssuer(
            Fixtures.accessTokens(),
            POLICY, store, hasher, successors, random, Fixtures.holding(Fixtures.ANN), CustomClaims.NONE, CLOCK);

    RefreshTokensServiceTest() {
        when(random.uuid()).thenAnswer(call -> UUID.randomUUID());
    }

    @Test
    void anUnknownToken_isRefused() {
        when(store.findToken(any())).thenReturn(Optional.empty());

        assertReason(Reason.UNKNOWN);
    }

    @Test
    void revokedAndExpiredTokens_areRefused_withoutRotating() {
        when(store.findToken(sha256(PRESENTED))).thenReturn(Optional.of(presented(Optional.empty(), Optional.of(NOW))));
        assertReason(Reason.REVOKED);

        RefreshTokenRecord expired = RefreshTokenRecord.issue(UUID.randomUUID(), USER, SESSION, NOW.minus(Duration.ofDays(8)),
                sha256(PRESENTED), NOW.minus(Duration.ofDays(8)), NOW.minusSeconds(1));
        when(store.findToken(sha256(PRESENTED))).thenReturn(Optional.of(expired));
        assertReason(Reason.EXPIRED);

        verify(store, never()).rotate(any(), any(), any());
    }

    @Test
    void anActiveToken_rotatesIntoItsDerivedSuccessor_ofTheSameSession() {
        when(store.findToken(sha256(PRESENTED))).thenReturn(Optional.of(presented(Optional.empty(), Optional.empty())));
        when(store.rotate(eq(sha256(PRESENTED)), any(), eq(NOW))).thenReturn(true);

        IssuedTokens tokens = service(GRACE).refresh(new RefreshCommand(PRESENTED));

        ArgumentCaptor<RefreshTokenRecord> successor = ArgumentCaptor.forClass(RefreshTokenRecord.class);
        verify(store).rotate(eq(sha256(PRESENTED)), successor.capture(), eq(NOW));
        assertThat(tokens.refreshToken()).isEqualTo(successors.successorOf(PRESENTED)).isNotEqualTo(PRESENTED);
        assertThat(successor.getValue().tokenHash()).isEqualTo(sha256(tokens.refreshToken()));
        assertThat(successor.getValue().familyId()).isEqualTo(SESSION);
        assertThat(successor.getValue().expiresAt()).isEqualTo(NOW.plus(POLICY.refreshTtl()));
        assertThat(successor.getValue().sessionStartedAt()).isEqualTo(STARTED);
        assertThat(tokens.claims().sessionId()).isEqualTo(SESSION);
        assertThat(tokens.claims().subject()).isEqualTo(USER);
        verify(store, never()).end(any(), any(), any(), any());
    }

    @Test
    void nearTheEndOfTheSessionsLifetime_theSuccessorExpiresWithTheSession_notAWeekLater() {
        Instant started = NOW.minus(POLICY.sessionMaxLifetime()).plus(Duration.ofDays(1));
        when(store.findToken(sha256(PRESENTED))).thenReturn(Optional.of(presented(started, Optional.empty(), Optional.empty())));
        when(store.rotate(eq(sha256(PRESENTED)), any(), eq(NOW))).thenReturn(true);

        IssuedTokens tokens = service(GRACE).refresh(new RefreshCommand(PRESENTED));

        assertThat(tokens.refreshExpiresIn()).isEqualTo(Duration.ofDays(1));
        ArgumentCaptor<RefreshTokenRecord> successor = ArgumentCaptor.forClass(RefreshTokenRecord.class);
        verify(store).rotate(eq(sha256(PRESENTED)), successor.capture(), eq(NOW));
        assertThat(successor.getValue().expiresAt()).isEqualTo(POLICY.sessionEndsAt(started));
    }

    @Test
    void pastTheSessionsAbsoluteLifetime_anUnspentToken_isExpired_andNothingRotates() {
        Instant started = NOW.minus(POLICY.sessionMaxLifetime());
        when(store.findToken(sha256(PRESENTED))).thenReturn(Optional.of(presented(started, Optional.empty(), Optional.empty())));

        assertReason(Reason.EXPIRED);

        verify(store, never()).rotate(any(), any(), any());
    }

    @Test
    void aTokenBoundToAnotherSession_isRefused_andNothingHappensToIt() {
        when(store.findToken(sha256(PRESENTED))).thenReturn(Optional.of(presented(Optional.of(NOW.minusSeconds(60)), Optional.empty())));
        RefreshCommand bound = new RefreshCommand(PRESENTED, Optional.of(new SessionId(UUID.randomUUID())));

        assertThatThrownBy(() -> service(GRACE).refresh(bound))
                .isInstanceOfSatisfying(InvalidRefreshTokenException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OTHER_SESSION));

        verify(store, never()).rotate(any(), any(), any());
        verify(store, never()).end(any(), any(), any(), any());
    }

    @Test
    void aTokenBoundToItsOwnSession_rotates() {
        when(store.findToken(sha256(PRESENTED))).thenReturn(Optional.of(presented(Optional.empty(), Optional.empty())));
        when(store.rotate(eq(sha256(PRESENTED)), any(), eq(NOW))).thenReturn(true);

        IssuedTokens tokens = service(GRACE).refresh(new RefreshCommand(PRESENTED, Optional.of(SESSION)));

        assertThat(tokens.claims().sessionId()).isEqualTo(SESSION);
    }

    @Test
    void aSpentToken_pastTheGraceWindow_endsTheWholeSession() {
        when(store.findToken(sha256(PRESENTED))).thenReturn(Optional.of(presented(Optional.of(NOW.minus(GRACE)), Optional.empty())));

        assertThatThrownBy(() -> service(GRACE).refresh(new RefreshCommand(PRESENTED)))
                .isInstanceOf(RefreshTokenReusedException.class);

        verifyReuseEnded();
    }

    @Test
    void aSpentToken_withinTheGraceWindow_getsTheSameActiveSuccessor_andANewAccessToken() {
        String successor = successors.successorOf(PRESENTED);
        when(store.findToken(sha256(PRESENTED))).thenReturn(Optional.of(presented(Optional.of(NOW.minusSeconds(3)), Optional.empty())));
        when(store.findToken(sha256(successor))).thenReturn(Optional.of(
                RefreshTokenRecord.issue(UUID.randomUUID(), USER, SESSION, STARTED, sha256(successor), NOW.minusSeconds(3),
                        NOW.plus(Duration.ofDays(7)))));

        IssuedTokens tokens = service(GRACE).refresh(new RefreshCommand(PRESENTED));

        assertThat(tokens.refreshToken()).isEqualTo(successor);
        assertThat(tokens.claims().sessionId()).isEqualTo(SESSION);
        verify(store, never()).end(any(), any(), any(), any());
    }

    @Test
    void aSpentToken_withinTheGraceWindow_whoseSuccessorIsNotStored_isRefused_andEndsNothing() {
        when(store.findToken(sha256(PRESENTED))).thenReturn(Optional.of(presented(Optional.of(NOW.minusSeconds(3)), Optional.empty())));
        when(store.findToken(sha256(successors.successorOf(PRESENTED)))).thenReturn(Optional.empty());

        assertReason(Reason.SPENT);

        verify(store, never()).end(any(), any(), any(), any());
    }

    @Test
    void aSpentToken_withinTheGraceWindow_whoseSuccessorIsSpentToo_isReuse() {
        String successor = successors.successorOf(PRESENTED);
        when(store.findToken(sha256(PRESENTED))).thenReturn(Optional.of(presented(Optional.of(NOW.minusSeconds(3)), Optional.empty())));
        when(store.findToken(sha256(successor))).thenReturn(Optional.of(new RefreshTokenRecord(UUID.randomUUID(), USER, SESSION,
                STARTED, sha256(successor), NOW.minusSeconds(3), NOW.plus(Duration.ofDays(7)), Optional.of(NOW.minusSeconds(1)),
                Optional.empty(), Optional.empty())));

        assertThatThrownBy(() -> service(GRACE).refresh(new RefreshCommand(PRESENTED))).isInstanceOf(RefreshTokenReusedException.class);
        verifyReuseEnded();
    }

    @Test
    void losingTheRaceToAConcurrentRotation_withTheGraceOn_getsTheWinnersSuccessor() {
        String successor = successors.successorOf(PRESENTED);
        when(store.findToken(sha256(PRESENTED))).thenReturn(
                Optional.of(presented(Optional.empty(), Optional.empty())),
                Optional.of(presented(Optional.of(NOW), Optional.empty())));
        when(store.rotate(any(), any(), any())).thenReturn(false);
        when(store.findToken(sha256(successor))).thenReturn(Optional.of(
                RefreshTokenRecord.issue(UUID.randomUUID(), USER, SESSION, STARTED, sha256(successor), NOW,
                        NOW.plus(Duration.ofDays(7)))));

        assertThat(service(GRACE).refresh(new RefreshCommand(PRESENTED)).refreshToken()).isEqualTo(successor);
    }

    @Test
    void losingTheRaceToAConcurrentRotation_withTheGraceOff_isReuse() {
        when(store.findToken(sha256(PRESENTED))).thenReturn(
                Optional.of(presented(Optional.empty(), Optional.empty())),
                Optional.of(presented(Optional.of(NOW), Optional.empty())));
        when(store.rotate(any(), any(), any())).thenReturn(false);

        assertThatThrownBy(() -> service(Duration.ZERO).refresh(new RefreshCommand(PRESENTED)))
                .isInstanceOf(RefreshTokenReusedException.class);
        verifyReuseEnded();
    }

    @Test
    void aNegativeGraceWindow_isRefused() {
        assertThatThrownBy(() -> service(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    /** The session ended for reuse, with a {@code refresh_reuse_detected} event of the session's user and where the copy came from. */
    private void verifyReuseEnded() {
        ArgumentCaptor<SecurityEvent> event = ArgumentCaptor.forClass(SecurityEvent.class);
        verify(store).end(eq(SESSION), eq(NOW), eq(RevokeReason.REUSE_DETECTED), event.capture());
        assertThat(event.getValue().type()).isEqualTo(SecurityEventType.REFRESH_REUSE_DETECTED);
        assertThat(event.getValue().userId()).contains(USER);
        assertThat(event.getValue().sessionId()).contains(SESSION);
        assertThat(event.getValue().occurredAt()).isEqualTo(NOW);
    }

    @Test
    void reuse_isRecorded_withTheOriginOfTheRequestThatPresentedTheCopy() {
        when(store.findToken(sha256(PRESENTED))).thenReturn(Optional.of(presented(Optional.of(NOW.minus(GRACE)), Optional.empty())));
        RequestOrigin thief = RequestOrigin.of(Actor.user(), "203.0.113.9", "curl/8", "req-1");

        assertThatThrownBy(() -> service(GRACE).refresh(new RefreshCommand(PRESENTED, Optional.empty(), thief)))
                .isInstanceOf(RefreshTokenReusedException.class);

        ArgumentCaptor<SecurityEvent> event = ArgumentCaptor.forClass(SecurityEvent.class);
        verify(store).end(eq(SESSION), eq(NOW), eq(RevokeReason.REUSE_DETECTED), event.capture());
        assertThat(event.getValue().origin()).isEqualTo(thief);
    }

    private RefreshTokensService service(Duration grace) {
        return new RefreshTokensService(store, hasher, issuer, POLICY, grace, random, CLOCK);
    }

    private static RefreshTokenRecord presented(Optional<Instant> usedAt, Optional<Instant> revokedAt) {
        return presented(STARTED, usedAt, revokedAt);
    }

    private static RefreshTokenRecord presented(Instant sessionStartedAt, Optional<Instant> usedAt, Optional<Instant> revokedAt) {
        return new RefreshTokenRecord(UUID.randomUUID(), USER, SESSION, sessionStartedAt, sha256(PRESENTED),
                NOW.minusSeconds(60), NOW.plus(Duration.ofDays(7)), usedAt, revokedAt, revokedAt.map(at -> RevokeReason.LOGOUT));
    }

    private void assertReason(Reason reason) {
        assertThatThrownBy(() -> service(GRACE).refresh(new RefreshCommand(PRESENTED)))
                .isInstanceOfSatisfying(InvalidRefreshTokenException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static RefreshTokenHash sha256(String token) {
        try {
            return new RefreshTokenHash(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8))));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

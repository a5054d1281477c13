package dev.inkan.application.service;

import static dev.inkan.application.service.Fixtures.CLOCK;
import static dev.inkan.application.service.Fixtures.NOW;
import static dev.inkan.application.service.Fixtures.POLICY;
import static dev.inkan.application.service.Fixtures.SESSION;
import static dev.inkan.application.service.Fixtures.USER;
import static dev.inkan.application.service.Fixtures.claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.inkan.application.port.in.IssuedTokens;
import dev.inkan.application.port.in.SessionSummary;
import dev.inkan.application.port.in.UserProfile;
import dev.inkan.application.port.out.CustomClaims;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.port.out.RevocationFeed;
import dev.inkan.application.port.out.SessionStore;
import dev.inkan.application.port.out.TokenHasher;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.application.tokens.TokenIssuer;
import dev.inkan.domain.AccountDisabledException;
import dev.inkan.domain.Actor;
import dev.inkan.domain.Email;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.RefreshTokenHash;
import dev.inkan.domain.RefreshTokenRecord;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.Revocation.TokenRevoked;
import dev.inkan.domain.RevokeReason;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.Session;
import dev.inkan.domain.SessionId;
import dev.inkan.domain.SessionNotFoundException;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/** Logout, logout everywhere, the session list, ending a session, the profile and starting a session. */
class SessionServicesTest {

    private final UserRepository users = mock(UserRepository.class);
    private final SessionStore sessions = mock(SessionStore.class);
    private final RevocationFeed feed = mock(RevocationFeed.class);

    private static final RequestOrigin FROM_ANN = RequestOrigin.of(Actor.user(), "198.51.100.7", "Firefox", "req-1");

    @Test
    void logout_endsTheSession_withItsEvent_thenDenylistsTheToken() {
        new LogoutService(sessions, feed, Fixtures.uuids(), CLOCK).logout(claims(), FROM_ANN);

        InOrder order = inOrder(sessions, feed);
        ArgumentCaptor<SecurityEvent> event = ArgumentCaptor.forClass(SecurityEvent.class);
        order.verify(sessions).end(eq(SESSION), eq(NOW), eq(RevokeReason.LOGOUT), event.capture());
        order.verify(feed).publish(new TokenRevoked("jti-1", claims().expiresAt()));
        assertEvent(event.getValue(), SecurityEventType.LOGOUT, SESSION);
    }

    @Test
    void logoutEverywhere_endsEverySessionOfTheUser_withOneEvent() {
        new LogoutEverywhereService(sessions, Fixtures.uuids(), CLOCK).logoutEverywhere(claims(), FROM_ANN);

        ArgumentCaptor<SecurityEvent> event = ArgumentCaptor.forClass(SecurityEvent.class);
        verify(sessions).endAllOfUser(eq(USER), eq(NOW), eq(RevokeReason.LOGOUT_EVERYWHERE), event.capture());
        verify(feed, never()).publish(any());
        assertEvent(event.getValue(), SecurityEventType.LOGOUT_ALL, SESSION);
    }

    @Test
    void aLogoutWithoutAnOrigin_isTheUsers() {
        new LogoutService(sessions, feed, Fixtures.uuids(), CLOCK).logout(claims());

        ArgumentCaptor<SecurityEvent> event = ArgumentCaptor.forClass(SecurityEvent.class);
        verify(sessions).end(eq(SESSION), eq(NOW), eq(RevokeReason.LOGOUT), event.capture());
        assertThat(event.getValue().origin()).isEqualTo(RequestOrigin.of(Actor.user()));
    }

    private static void assertEvent(SecurityEvent event, SecurityEventType type, SessionId session) {
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.userId()).contains(USER);
        assertThat(event.sessionId()).contains(session);
        assertThat(event.occurredAt()).isEqualTo(NOW);
        assertThat(event.origin()).isEqualTo(FROM_ANN);
    }

    @Test
    void sessionList_marksTheCallersSession() {
        Session mine = Session.start(SESSION, USER, NOW, Optional.of("Firefox"));
        Session phone = Session.start(new SessionId(UUID.randomUUID()), USER, NOW, Optional.empty());
        when(sessions.liveSessionsOf(USER, NOW)).thenReturn(List.of(phone, mine));

        List<SessionSummary> listed = new ListSessionsService(sessions, CLOCK).sessionsOf(claims());

        assertThat(listed).containsExactly(new SessionSummary(phone, false), new SessionSummary(mine, true));
    }

    @Test
    void endingOneOfMySessions_revokesItEverywhere() {
        SessionId phone = new SessionId(UUID.randomUUID());
        when(sessions.find(phone)).thenReturn(Optional.of(Session.start(phone, USER, NOW, Optional.empty())));

        new EndSessionService(sessions, Fixtures.uuids(), CLOCK).endSession(claims(), phone, FROM_ANN);

        ArgumentCaptor<SecurityEvent> event = ArgumentCaptor.forClass(SecurityEvent.class);
        verify(sessions).end(eq(phone), eq(NOW), eq(RevokeReason.SESSION_ENDED), event.capture());
        assertEvent(event.getValue(), SecurityEventType.SESSION_ENDED, phone);
    }

    @Test
    void endingSomeoneElsesSession_orAnUnknownOne_isNotFound_andRevokesNothing() {
        SessionId theirs = new SessionId(UUID.randomUUID());
        when(sessions.find(theirs)).thenReturn(Optional.of(Session.start(theirs, new UserId(UUID.randomUUID()), NOW, Optional.empty())));
        EndSessionService service = new EndSessionService(sessions, Fixtures.uuids(), CLOCK);

        assertThatThrownBy(() -> service.endSession(claims(), theirs)).isInstanceOf(SessionNotFoundException.class);
        assertThatThrownBy(() -> service.endSession(claims(), new SessionId(UUID.randomUUID())))
                .isInstanceOf(SessionNotFoundException.class);
        verify(sessions, never()).end(any(), any(), any(), any());
    }

    @Test
    void profile_isReadFromTheStore_andAVanishedUserIsAnInvalidToken() {
        User ann = User.register(USER, new Email("ann@example.com"), new PasswordHash("$argon2id$x"), NOW);
        when(users.findById(USER)).thenReturn(Optional.of(ann));
        GetUserProfileService service = new GetUserProfileService(users);

        assertThat(service.profile(USER)).isEqualTo(new UserProfile(USER, ann.email(), NOW, false));
        assertThatThrownBy(() -> service.profile(new UserId(UUID.randomUUID())))
                .isInstanceOfSatisfying(InvalidTokenException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidTokenException.Reason.UNKNOWN_SUBJECT));
    }

    @Test
    void startingASession_storesTheSession_andOnlyTheHashOfA256BitRefreshToken_withTheLoginsEvent() {
        RandomSource random = mock(RandomSource.class);
        when(random.uuid()).thenReturn(SESSION.value(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        when(random.bytes(32)).thenReturn(new byte[32]);
        TokenHasher hasher = token -> new RefreshTokenHash("a".repeat(64));
        TokenIssuer issuer = new TokenIssuer(Fixtures.accessTokens(), POLICY, sessions, hasher, Fixtures.successors(), random,
                Fixtures.holding(Fixtures.ANN), CustomClaims.NONE, CLOCK);
        when(sessions.start(any(), any(), any())).thenReturn(true);
        RequestOrigin fromCurl = RequestOrigin.of(Actor.user(), "198.51.100.7", "curl/8", "req-1");

        IssuedTokens tokens = issuer.startSession(Fixtures.ANN, fromCurl);

        ArgumentCaptor<RefreshTokenRecord> stored = ArgumentCaptor.forClass(RefreshTokenRecord.class);
        ArgumentCaptor<SecurityEvent> event = ArgumentCaptor.forClass(SecurityEvent.class);
        verify(sessions).start(eq(Session.start(SESSION, USER, NOW, Optional.of("curl/8"))),
                stored.capture(), event.capture());
        assertThat(event.getValue().type()).isEqualTo(SecurityEventType.LOGIN_SUCCEEDED);
        assertThat(event.getValue().sessionId()).contains(SESSION);
        assertThat(event.getValue().origin()).isEqualTo(fromCurl);
        assertThat(stored.getValue().tokenHash().hex()).isEqualTo("a".repeat(64));
        assertThat(stored.getValue().familyId()).isEqualTo(SESSION);
        assertThat(stored.getValue().sessionStartedAt()).isEqualTo(NOW);
        assertThat(tokens.refreshToken()).hasSize(43).isEqualTo("A".repeat(43));
        assertThat(tokens.claims().sessionId()).isEqualTo(SESSION);
        assertThat(tokens.accessExpiresInSeconds()).isEqualTo(900);
        assertThat(tokens.refreshExpiresIn()).isEqualTo(POLICY.refreshTtl());
        assertThat(tokens.toString()).doesNotContain(tokens.refreshToken()).doesNotContain(tokens.accessToken());
    }

    @Test
    void startingASession_forAnAccountDisabledOrDeletedMeanwhile_isRefusedAsDisabled() {
        RandomSource random = mock(RandomSource.class);
        when(random.uuid()).thenAnswer(call -> UUID.randomUUID());
        when(random.bytes(32)).thenReturn(new byte[32]);
        TokenIssuer issuer = new TokenIssuer(Fixtures.accessTokens(), POLICY, sessions, token -> new RefreshTokenHash("b".repeat(64)),
                Fixtures.successors(), random, Fixtures.holding(Fixtures.ANN), CustomClaims.NONE, CLOCK);
        when(sessions.start(any(), any(), any())).thenReturn(false);

        assertThatThrownBy(() -> issuer.startSession(Fixtures.ANN, RequestOrigin.of(Actor.user())))
                .isInstanceOf(AccountDisabledException.class);
    }
}

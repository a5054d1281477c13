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
import dev.inkan.domain.Email;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.RefreshTokenHash;
import dev.inkan.domain.RefreshTokenRecord;
import dev.inkan.domain.Revocation.TokenRevoked;
import dev.inkan.domain.RevokeReason;
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

    @Test
    void logout_endsTheSession_thenDenylistsTheToken() {
        new LogoutService(sessions, feed, CLOCK).logout(claims());

        InOrder order = inOrder(sessions, feed);
        order.verify(sessions).end(SESSION, NOW, RevokeReason.LOGOUT);
        order.verify(feed).publish(new TokenRevoked("jti-1", claims().expiresAt()));
    }

    @Test
    void logoutEverywhere_endsEverySessionOfTheUser() {
        new LogoutEverywhereService(sessions, CLOCK).logoutEverywhere(claims());

        verify(sessions).endAllOfUser(USER, NOW, RevokeReason.LOGOUT_EVERYWHERE);
        verify(feed, never()).publish(any());
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

        new EndSessionService(sessions, CLOCK).endSession(claims(), phone);

        verify(sessions).end(phone, NOW, RevokeReason.SESSION_ENDED);
    }

    @Test
    void endingSomeoneElsesSession_orAnUnknownOne_isNotFound_andRevokesNothing() {
        SessionId theirs = new SessionId(UUID.randomUUID());
        when(sessions.find(theirs)).thenReturn(Optional.of(Session.start(theirs, new UserId(UUID.randomUUID()), NOW, Optional.empty())));
        EndSessionService service = new EndSessionService(sessions, CLOCK);

        assertThatThrownBy(() -> service.endSession(claims(), theirs)).isInstanceOf(SessionNotFoundException.class);
        assertThatThrownBy(() -> service.endSession(claims(), new SessionId(UUID.randomUUID())))
                .isInstanceOf(SessionNotFoundException.class);
        verify(sessions, never()).end(any(), any(), any());
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
    void startingASession_storesTheSession_andOnlyTheHashOfA256BitRefreshToken() {
        RandomSource random = mock(RandomSource.class);
        when(random.uuid()).thenReturn(SESSION.value(), UUID.randomUUID(), UUID.randomUUID());
        when(random.bytes(32)).thenReturn(new byte[32]);
        TokenHasher hasher = token -> new RefreshTokenHash("a".repeat(64));
        TokenIssuer issuer = new TokenIssuer(Fixtures.accessTokens(), POLICY, sessions, hasher, Fixtures.successors(), random,
                Fixtures.holding(Fixtures.ANN), CustomClaims.NONE, CLOCK);
        when(sessions.start(any(), any())).thenReturn(true);

        IssuedTokens tokens = issuer.startSession(Fixtures.ANN, Optional.of("curl/8"));

        ArgumentCaptor<RefreshTokenRecord> stored = ArgumentCaptor.forClass(RefreshTokenRecord.class);
        verify(sessions).start(eq(Session.start(SESSION, USER, NOW, Optional.of("curl/8"))),
                stored.capture());
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
        when(sessions.start(any(), any())).thenReturn(false);

        assertThatThrownBy(() -> issuer.startSession(Fixtures.ANN, Optional.empty())).isInstanceOf(AccountDisabledException.class);
    }
}

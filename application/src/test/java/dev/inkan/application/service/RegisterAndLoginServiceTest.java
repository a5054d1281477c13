package dev.inkan.application.service;

import static dev.inkan.application.service.Fixtures.CLOCK;
import static dev.inkan.application.service.Fixtures.NOW;
import static dev.inkan.application.service.Fixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.inkan.application.port.in.IssuedTokens;
import dev.inkan.application.port.in.LoginCommand;
import dev.inkan.application.port.in.RegisterCommand;
import dev.inkan.application.port.out.MailSender;
import dev.inkan.application.port.out.OneTimeTokenStore;
import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.application.port.out.TokenHasher;
import dev.inkan.application.tokens.LinkTokens;
import dev.inkan.domain.PasswordPolicy;
import dev.inkan.domain.RefreshTokenHash;
import dev.inkan.application.port.out.PasswordHashingBusyException;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.port.out.SecurityEventLog;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.application.tokens.TokenIssuer;
import dev.inkan.domain.AccountDisabledException;
import dev.inkan.domain.Actor;
import dev.inkan.domain.Email;
import dev.inkan.domain.EmailAlreadyRegisteredException;
import dev.inkan.domain.InvalidCredentialsException;
import dev.inkan.domain.Password;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.User;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class RegisterAndLoginServiceTest {

    private static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
    private static final PasswordHash DUMMY = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$ZHVtbXk$ZHVtbXk");

    private final UserRepository users = mock(UserRepository.class);
    private final PasswordHasher hasher = mock(PasswordHasher.class);
    private final RandomSource random = mock(RandomSource.class);
    private final TokenIssuer issuer = mock(TokenIssuer.class);
    private final SecurityEventLog events = mock(SecurityEventLog.class);
    private final User ann = User.register(USER, new Email("ann@example.com"), HASH, NOW);
    private final OneTimeTokenStore oneTimeTokens = mock(OneTimeTokenStore.class);
    private final MailSender mail = mock(MailSender.class);

    private RegisterUserService registerService() {
        when(random.bytes(32)).thenReturn(new byte[32]);
        TokenHasher sha = token -> new RefreshTokenHash("0".repeat(64));
        return new RegisterUserService(users, new NewPasswords(PasswordPolicy.defaults(), password -> false, hasher),
                new LinkTokens(oneTimeTokens, sha, random, mail, CLOCK), mail, random, CLOCK, false);
    }

    RegisterAndLoginServiceTest() {
        when(random.uuid()).thenAnswer(call -> UUID.randomUUID());
    }

    @Test
    void register_storesOnlyTheHash_withTheClocksInstant() {
        when(users.findByEmail(any())).thenReturn(Optional.empty());
        when(hasher.hash(new Password("correct horse battery"))).thenReturn(HASH);
        when(random.uuid()).thenReturn(USER.value());

        var registered = registerService()
                .register(RegisterCommand.of(" Ann@Example.com ", "correct horse battery"));

        ArgumentCaptor<User> stored = ArgumentCaptor.forClass(User.class);
        verify(users).add(stored.capture());
        assertThat(stored.getValue()).isEqualTo(ann);
        assertThat(stored.getValue().toString()).doesNotContain("correct horse battery");
        assertThat(registered.id()).isEqualTo(USER);
        assertThat(registered.email().value()).isEqualTo("ann@example.com");
    }

    @Test
    void register_aTakenEmail_isRefused_withoutHashing() {
        when(users.findByEmail(new Email("ann@example.com"))).thenReturn(Optional.of(ann));

        assertThatThrownBy(() -> registerService()
                .register(RegisterCommand.of("ANN@example.com", "correct horse battery")))
                .isInstanceOf(EmailAlreadyRegisteredException.class);
        verifyNoInteractions(hasher);
        verify(users, never()).add(any());
    }

    @Test
    void login_withTheRightPassword_startsASession_withTheUserAgent() {
        IssuedTokens tokens = mock(IssuedTokens.class);
        when(users.findByEmail(ann.email())).thenReturn(Optional.of(ann));
        when(hasher.verify(HASH, new Password("pw"))).thenReturn(true);
        when(issuer.startSession(ann, RequestOrigin.of(Actor.user(), null, "Firefox", null))).thenReturn(tokens);

        assertThat(login(LoginCommand.of("ann@example.com", "pw", "Firefox"))).isSameAs(tokens);
        verify(users, never()).updatePasswordHash(any(), any());
        verifyNoInteractions(events); // the session's store records the login with the session
    }

    @Test
    void everyRefusedLogin_isALoginFailedEvent_withTheRequestsOrigin_andTheUserOnlyWhenThereIsOne() {
        User disabled = new User(USER, ann.email(), HASH, NOW, List.of(), 0, Optional.of(NOW));
        when(users.findByEmail(ann.email())).thenReturn(Optional.of(ann), Optional.of(disabled));
        when(users.findByEmail(new Email("nobody@example.com"))).thenReturn(Optional.empty());
        when(hasher.verify(HASH, new Password("pw"))).thenReturn(true);
        when(random.bytes(32)).thenReturn(new byte[32]);
        when(hasher.hash(any())).thenReturn(DUMMY);
        RequestOrigin from = RequestOrigin.of(Actor.user(), "203.0.113.5", "curl/8", "req-9");

        catchLogin(LoginCommand.of("ann@example.com", "wrong", from));
        catchLogin(LoginCommand.of("ann@example.com", "pw", from));
        catchLogin(LoginCommand.of("nobody@example.com", "pw", from));

        ArgumentCaptor<SecurityEvent> recorded = ArgumentCaptor.forClass(SecurityEvent.class);
        verify(events, times(3)).record(recorded.capture());
        assertThat(recorded.getAllValues()).allSatisfy(event -> {
            assertThat(event.type()).isEqualTo(SecurityEventType.LOGIN_FAILED);
            assertThat(event.origin()).isEqualTo(from);
            assertThat(event.occurredAt()).isEqualTo(NOW);
            assertThat(event.toString()).doesNotContain("ann@example.com").doesNotContain("nobody@example.com")
                    .doesNotContain("wrong").doesNotContain("pw,");
        });
        assertThat(recorded.getAllValues()).extracting(SecurityEvent::userId)
                .containsExactly(Optional.of(USER), Optional.of(USER), Optional.empty());
    }

    @Test
    void aLoginWhoseAccountIsDisabledWhileItStarts_isALoginFailedEvent() {
        when(users.findByEmail(ann.email())).thenReturn(Optional.of(ann));
        when(hasher.verify(HASH, new Password("pw"))).thenReturn(true);
        when(issuer.startSession(any(), any())).thenThrow(new AccountDisabledException());

        assertThat(catchLogin(LoginCommand.of("ann@example.com", "pw"))).isInstanceOf(AccountDisabledException.class);

        ArgumentCaptor<SecurityEvent> recorded = ArgumentCaptor.forClass(SecurityEvent.class);
        verify(events).record(recorded.capture());
        assertThat(recorded.getValue().type()).isEqualTo(SecurityEventType.LOGIN_FAILED);
        assertThat(recorded.getValue().userId()).contains(USER);
    }

    @Test
    void login_toADisabledAccount_isRefusedAsDisabled_onlyWithTheRightPassword() {
        User disabled = new User(USER, ann.email(), HASH, NOW, List.of(), 0, Optional.of(NOW));
        when(users.findByEmail(ann.email())).thenReturn(Optional.of(disabled));
        when(hasher.verify(HASH, new Password("pw"))).thenReturn(true);

        assertThat(catchLogin(LoginCommand.of("ann@example.com", "wrong"))).isInstanceOf(InvalidCredentialsException.class);
        assertThat(catchLogin(LoginCommand.of("ann@example.com", "pw"))).isInstanceOf(AccountDisabledException.class);
        verifyNoInteractions(issuer);
    }

    @Test
    void login_withAWrongPassword_andForAnUnknownEmail_failAlike_andBothRunOneVerification() {
        when(users.findByEmail(ann.email())).thenReturn(Optional.of(ann));
        when(users.findByEmail(new Email("nobody@example.com"))).thenReturn(Optional.empty());
        when(random.bytes(32)).thenReturn(new byte[32]);
        when(hasher.hash(any())).thenReturn(DUMMY);

        Throwable wrongPassword = catchLogin(LoginCommand.of("ann@example.com", "wrong"));
        Throwable unknownUser = catchLogin(LoginCommand.of("nobody@example.com", "wrong"));

        assertThat(wrongPassword).isInstanceOf(InvalidCredentialsException.class);
        assertThat(unknownUser).isInstanceOf(InvalidCredentialsException.class).hasMessage(wrongPassword.getMessage());
        verify(hasher).verify(HASH, new Password("wrong"));
        verify(hasher).verify(DUMMY, new Password("wrong"));
        verifyNoInteractions(issuer);
    }

    @Test
    void login_forUnknownEmails_makesTheDummyHashOnce() {
        when(users.findByEmail(any())).thenReturn(Optional.empty());
        when(random.bytes(32)).thenReturn(new byte[32]);
        when(hasher.hash(any())).thenReturn(DUMMY);

        catchLogin(LoginCommand.of("a@example.com", "x"));
        catchLogin(LoginCommand.of("b@example.com", "x"));

        verify(hasher, times(1)).hash(any());
        verify(hasher, times(2)).verify(DUMMY, new Password("x"));
    }

    @Test
    void login_rehashes_whenTheStoredHashIsWeakerThanConfigured() {
        PasswordHash stronger = new PasswordHash("$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA");
        when(users.findByEmail(ann.email())).thenReturn(Optional.of(ann));
        when(hasher.verify(HASH, new Password("pw"))).thenReturn(true);
        when(hasher.needsRehash(HASH)).thenReturn(true);
        when(hasher.hash(new Password("pw"))).thenReturn(stronger);

        login(LoginCommand.of("ann@example.com", "pw"));

        verify(users).updatePasswordHash(USER, stronger);
    }

    @Test
    void login_withTheRightPassword_stillSucceeds_whenHashingIsTooBusyToRehash() {
        IssuedTokens tokens = mock(IssuedTokens.class);
        when(users.findByEmail(ann.email())).thenReturn(Optional.of(ann));
        when(hasher.verify(HASH, new Password("pw"))).thenReturn(true);
        when(hasher.needsRehash(HASH)).thenReturn(true);
        when(hasher.hash(new Password("pw"))).thenThrow(new PasswordHashingBusyException("busy"));
        when(issuer.startSession(ann, RequestOrigin.of(Actor.user()))).thenReturn(tokens);

        assertThat(login(LoginCommand.of("ann@example.com", "pw"))).isSameAs(tokens);
        verify(users, never()).updatePasswordHash(any(), any());
    }

    @Test
    void login_whenHashingIsBusy_failsWithBusy_andStartsNoSession() {
        when(users.findByEmail(ann.email())).thenReturn(Optional.of(ann));
        when(hasher.verify(HASH, new Password("pw"))).thenThrow(new PasswordHashingBusyException("busy"));

        assertThat(catchLogin(LoginCommand.of("ann@example.com", "pw"))).isInstanceOf(PasswordHashingBusyException.class);
        verifyNoInteractions(issuer);
    }

    private final LoginService loginService = new LoginService(users, hasher, issuer, random, events, CLOCK, false);

    private IssuedTokens login(LoginCommand command) {
        return loginService.login(command);
    }

    private Throwable catchLogin(LoginCommand command) {
        try {
            login(command);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}

package dev.inkan.application.service;

import static dev.inkan.application.service.Fixtures.CLOCK;
import static dev.inkan.application.service.Fixtures.NOW;
import static dev.inkan.application.service.Fixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.inkan.application.port.out.SecurityEventLog;
import dev.inkan.domain.Actor;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.application.port.in.ChangePasswordCommand;
import dev.inkan.application.port.in.LoginCommand;
import dev.inkan.application.port.in.RegisterCommand;
import dev.inkan.application.port.in.ResetPasswordCommand;
import dev.inkan.application.port.out.MailKind;
import dev.inkan.application.port.out.MailSender;
import dev.inkan.application.port.out.OneTimeTokenStore;
import dev.inkan.application.port.out.OutgoingMail;
import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.port.out.TokenHasher;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.application.tokens.LinkTokens;
import dev.inkan.application.tokens.TokenIssuer;
import dev.inkan.domain.Email;
import dev.inkan.domain.EmailNotVerifiedException;
import dev.inkan.domain.InvalidCredentialsException;
import dev.inkan.domain.Password;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.PasswordPolicy;
import dev.inkan.domain.RefreshTokenHash;
import dev.inkan.domain.User;
import dev.inkan.domain.WeakPasswordException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The account flows' services, with their ports mocked: what each does, and what it leaves alone. */
class AccountServicesTest {

    private static final RequestOrigin ORIGIN = RequestOrigin.of(Actor.user());

    private static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
    private static final String GOOD = "correct horse battery";
    private static final String COMMON = "qwertyuiop12345";

    private final UserRepository users = mock(UserRepository.class);
    private final PasswordHasher hasher = mock(PasswordHasher.class);
    private final RandomSource random = mock(RandomSource.class);
    private final OneTimeTokenStore tokens = mock(OneTimeTokenStore.class);
    private final MailSender mail = mock(MailSender.class);
    private final TokenHasher sha = token -> new RefreshTokenHash("0".repeat(64));
    private final NewPasswords passwords = new NewPasswords(PasswordPolicy.defaults(),
            password -> password.value().equalsIgnoreCase(COMMON), hasher);
    private final LinkTokens links;
    private final User ann = User.register(USER, new Email("ann@example.com"), HASH, NOW);

    AccountServicesTest() {
        when(random.bytes(32)).thenReturn(new byte[32]);
        when(random.uuid()).thenReturn(USER.value());
        when(hasher.hash(any())).thenReturn(HASH);
        links = new LinkTokens(tokens, sha, random, mail, CLOCK);
    }

    @Test
    void thePolicy_refusesShortAndCommonPasswords_beforeAnyHash_andCountsCodePoints() {
        assertThatThrownBy(() -> passwords.hash(new Password("fourteen chars"))).isInstanceOf(WeakPasswordException.class)
                .hasMessageContaining("15 characters");
        assertThatThrownBy(() -> passwords.hash(new Password("QWERTYUIOP12345"))).isInstanceOf(WeakPasswordException.class)
                .hasMessageContaining("common").hasMessageNotContaining("QWERTYUIOP12345");
        assertThatThrownBy(() -> passwords.hash(new Password("🔑".repeat(14)))).isInstanceOf(WeakPasswordException.class);
        verifyNoInteractions(hasher);
        assertThat(passwords.hash(new Password("🔑".repeat(15)))).isEqualTo(HASH);
    }

    @Test
    void signUp_withVerifiedAddressesRequired_aTakenAddress_hashesAnyway_tellsItsOwner_andChangesNothing() {
        when(users.findByEmail(ann.email())).thenReturn(Optional.of(ann));
        var service = new RegisterUserService(users, passwords, links, mail, random, CLOCK, true);

        assertThat(service.signUp(RegisterCommand.of("ann@example.com", GOOD)).user()).isEmpty();

        verify(hasher).hash(new Password(GOOD));
        verify(users, never()).add(any());
        verify(mail).send(OutgoingMail.notice(ann.email(), MailKind.ACCOUNT_EXISTS));
        verifyNoInteractions(tokens);
    }

    @Test
    void signUp_withVerifiedAddressesRequired_aNewAddress_isRegistered_butTheAnswerNamesNoAccount() {
        when(users.findByEmail(any())).thenReturn(Optional.empty());
        when(tokens.issue(any(), any())).thenReturn(true);
        var service = new RegisterUserService(users, passwords, links, mail, random, CLOCK, true);

        assertThat(service.signUp(RegisterCommand.of("ann@example.com", GOOD)).user()).isEmpty();

        verify(users).add(ann);
        verify(mail).send(any());
    }

    @Test
    void aResetRequest_forADisabledOrUnknownAccount_makesAToken_butStoresAndSendsNothing() {
        User disabled = new User(USER, ann.email(), HASH, NOW, List.of(), 0, Optional.of(NOW));
        when(users.findByEmail(ann.email())).thenReturn(Optional.of(disabled));
        var service = new RequestPasswordResetService(users, links, random, CLOCK);

        service.requestReset(ann.email(), ORIGIN);
        service.requestReset(new Email("nobody@example.com"), ORIGIN);

        verify(random, org.mockito.Mockito.times(2)).bytes(32);
        verifyNoInteractions(tokens, mail);
    }

    @Test
    void aPasswordChange_withAWrongCurrentPassword_changesNothing_andAWeakNewOne_isRefusedFirst() {
        when(users.findById(USER)).thenReturn(Optional.of(ann));
        when(hasher.verify(HASH, new Password("not my password"))).thenReturn(false);
        var service = new ChangePasswordService(users, hasher, passwords, mail, random, CLOCK);

        assertThatThrownBy(() -> service.changePassword(Fixtures.claims(), ChangePasswordCommand.of("not my password", GOOD), ORIGIN))
                .isInstanceOf(InvalidCredentialsException.class);
        assertThatThrownBy(() -> service.changePassword(Fixtures.claims(), ChangePasswordCommand.of("not my password", COMMON), ORIGIN))
                .isInstanceOf(WeakPasswordException.class);
        verify(users, never()).changePassword(any(), any(), any(), any(), any());
        verifyNoInteractions(mail);
    }

    @Test
    void aResetWithAPasswordThePolicyRefuses_spendsNoToken() {
        var service = new ResetPasswordService(tokens, links, passwords, mail, random, CLOCK);

        assertThatThrownBy(() -> service.resetPassword(ResetPasswordCommand.of("A".repeat(43), "short"), ORIGIN))
                .isInstanceOf(WeakPasswordException.class);
        verifyNoInteractions(tokens);
    }

    @Test
    void withVerifiedAddressesRequired_anUnverifiedAccount_isRefused_onlyWithTheRightPassword() {
        when(users.findByEmail(ann.email())).thenReturn(Optional.of(ann));
        when(hasher.verify(HASH, new Password(GOOD))).thenReturn(true);
        TokenIssuer issuer = mock(TokenIssuer.class);
        var login = new LoginService(users, hasher, issuer, random, mock(SecurityEventLog.class), CLOCK, true);

        assertThatThrownBy(() -> login.login(LoginCommand.of("ann@example.com", "a wrong password")))
                .isInstanceOf(InvalidCredentialsException.class);
        assertThatThrownBy(() -> login.login(LoginCommand.of("ann@example.com", GOOD))).isInstanceOf(EmailNotVerifiedException.class);
        verifyNoInteractions(issuer);
    }
}

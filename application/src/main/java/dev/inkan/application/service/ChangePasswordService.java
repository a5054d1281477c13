package dev.inkan.application.service;

import dev.inkan.application.port.in.ChangePasswordCommand;
import dev.inkan.application.port.in.ChangePasswordUseCase;
import dev.inkan.application.port.out.MailKind;
import dev.inkan.application.port.out.MailSender;
import dev.inkan.application.port.out.OutgoingMail;
import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidCredentialsException;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.User;
import java.time.Clock;
import java.util.Objects;

/** Changes a user's password: the current one proves who asks, and every other session of theirs ends. */
public final class ChangePasswordService implements ChangePasswordUseCase {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final NewPasswords passwords;
    private final MailSender mail;
    private final Clock clock;

    public ChangePasswordService(UserRepository users, PasswordHasher hasher, NewPasswords passwords, MailSender mail,
                                 Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.mail = Objects.requireNonNull(mail, "mail");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void changePassword(AccessTokenClaims caller, ChangePasswordCommand command) {
        passwords.check(command.next());
        User user = Accounts.of(users, caller);
        if (!hasher.verify(user.passwordHash(), command.current())) {
            throw new InvalidCredentialsException();
        }
        PasswordHash next = passwords.hash(command.next());
        users.changePassword(user.id(), next, caller.sessionId(), clock.instant());
        mail.send(OutgoingMail.notice(user.email(), MailKind.PASSWORD_CHANGED));
    }
}

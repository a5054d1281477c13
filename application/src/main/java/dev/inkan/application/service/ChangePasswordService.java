package dev.inkan.application.service;

import dev.inkan.application.port.in.ChangePasswordCommand;
import dev.inkan.application.port.in.ChangePasswordUseCase;
import dev.inkan.application.port.out.MailKind;
import dev.inkan.application.port.out.MailSender;
import dev.inkan.application.port.out.OutgoingMail;
import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidCredentialsException;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventType;
import dev.inkan.domain.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Changes a user's password: the current one proves who asks, and every other session of theirs ends. */
public final class ChangePasswordService implements ChangePasswordUseCase {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final NewPasswords passwords;
    private final MailSender mail;
    private final RandomSource random;
    private final Clock clock;

    public ChangePasswordService(UserRepository users, PasswordHasher hasher, NewPasswords passwords, MailSender mail,
                                 RandomSource random, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.mail = Objects.requireNonNull(mail, "mail");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void changePassword(AccessTokenClaims caller, ChangePasswordCommand command, RequestOrigin origin) {
        passwords.check(command.next());
        User user = Accounts.of(users, caller);
        if (!hasher.verify(user.passwordHash(), command.current())) {
            throw new InvalidCredentialsException();
        }
        PasswordHash next = passwords.hash(command.next());
        Instant now = clock.instant();
        users.changePassword(user.id(), next, caller.sessionId(), now,
                SecurityEvent.of(random.uuid(), now, SecurityEventType.PASSWORD_CHANGED, user.id(), origin).withSession(caller.sessionId()));
        mail.send(OutgoingMail.notice(user.email(), MailKind.PASSWORD_CHANGED));
    }
}

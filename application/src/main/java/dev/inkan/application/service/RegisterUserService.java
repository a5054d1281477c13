package dev.inkan.application.service;

import dev.inkan.application.port.in.RegisterCommand;
import dev.inkan.application.port.in.RegisterUserUseCase;
import dev.inkan.application.port.in.RegisteredUser;
import dev.inkan.application.port.in.Registration;
import dev.inkan.application.port.out.MailKind;
import dev.inkan.application.port.out.MailSender;
import dev.inkan.application.port.out.OutgoingMail;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.application.tokens.LinkTokens;
import dev.inkan.domain.EmailAlreadyRegisteredException;
import dev.inkan.domain.OneTimeToken.Purpose;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Registers users: the e-mail must be free, the password meets the policy and is stored only as an
 * Argon2id hash, and the address gets a verification link. When verified addresses are required,
 * registration by anybody answers alike for a new and a taken address.
 */
public final class RegisterUserService implements RegisterUserUseCase {

    private final UserRepository users;
    private final NewPasswords passwords;
    private final LinkTokens links;
    private final MailSender mail;
    private final RandomSource random;
    private final Clock clock;
    private final boolean requireVerifiedEmail;

    /** @param requireVerifiedEmail whether an account must verify its address before it logs in */
    public RegisterUserService(UserRepository users, NewPasswords passwords, LinkTokens links, MailSender mail,
                               RandomSource random, Clock clock, boolean requireVerifiedEmail) {
        this.users = Objects.requireNonNull(users, "users");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.links = Objects.requireNonNull(links, "links");
        this.mail = Objects.requireNonNull(mail, "mail");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.requireVerifiedEmail = requireVerifiedEmail;
    }

    @Override
    public RegisteredUser register(RegisterCommand command) {
        passwords.check(command.password());
        // Checked first so a taken e-mail costs no Argon2 run; the store's unique key still decides races.
        if (users.findByEmail(command.email()).isPresent()) {
            throw new EmailAlreadyRegisteredException();
        }
        return create(command);
    }

    @Override
    public Registration signUp(RegisterCommand command) {
        if (!requireVerifiedEmail) {
            return new Registration(Optional.of(register(command)));
        }
        passwords.check(command.password());
        if (users.findByEmail(command.email()).isPresent()) {
            accountExists(command);
        } else {
            try {
                create(command);
            } catch (EmailAlreadyRegisteredException raced) {
                mail.send(OutgoingMail.notice(command.email(), MailKind.ACCOUNT_EXISTS));
            }
        }
        return new Registration(Optional.empty());
    }

    /** The work of a registration, minus the account: its owner hears of the attempt, and nothing of it changes. */
    private void accountExists(RegisterCommand command) {
        passwords.hash(command.password());
        links.fresh();
        mail.send(OutgoingMail.notice(command.email(), MailKind.ACCOUNT_EXISTS));
    }

    private RegisteredUser create(RegisterCommand command) {
        LinkTokens.Fresh verification = links.fresh();
        User user = User.register(new UserId(random.uuid()), command.email(), passwords.hash(command.password()),
                clock.instant());
        users.add(user);
        links.issueAndMail(verification, user, Purpose.VERIFY_EMAIL, Optional.empty(), user.email(), MailKind.VERIFY_EMAIL);
        return new RegisteredUser(user.id(), user.email());
    }
}

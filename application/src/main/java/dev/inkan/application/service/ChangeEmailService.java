package dev.inkan.application.service;

import dev.inkan.application.port.in.ChangeEmailCommand;
import dev.inkan.application.port.in.ChangeEmailUseCase;
import dev.inkan.application.port.out.MailKind;
import dev.inkan.application.port.out.MailSender;
import dev.inkan.application.port.out.OutgoingMail;
import dev.inkan.application.port.out.PasswordHasher;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.application.tokens.LinkTokens;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidCredentialsException;
import dev.inkan.domain.OneTimeToken.Purpose;
import dev.inkan.domain.User;
import java.util.Objects;
import java.util.Optional;

/**
 * Starts a change of address: a link to the new address, which makes the change when it is used,
 * and a notice to the current one. A new address that another account has gets that account's
 * owner a notice instead, and the caller the same answer, so the change tells nobody who has an account.
 */
public final class ChangeEmailService implements ChangeEmailUseCase {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LinkTokens links;
    private final MailSender mail;

    public ChangeEmailService(UserRepository users, PasswordHasher hasher, LinkTokens links, MailSender mail) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.links = Objects.requireNonNull(links, "links");
        this.mail = Objects.requireNonNull(mail, "mail");
    }

    @Override
    public void requestChange(AccessTokenClaims caller, ChangeEmailCommand command) {
        User user = Accounts.of(users, caller);
        if (!hasher.verify(user.passwordHash(), command.password())) {
            throw new InvalidCredentialsException();
        }
        if (command.newEmail().equals(user.email())) {
            throw new IllegalArgumentException("new_email is the account's address already");
        }
        // The same work whether the new address is taken or not, so the answer's time tells neither: the
        // token is stored either way (a confirmation finds the address taken and changes nothing), and
        // the link goes only to an address that no account holds.
        boolean taken = users.findByEmail(command.newEmail()).isPresent();
        links.issueAndMail(links.fresh(), user, Purpose.CHANGE_EMAIL, Optional.of(command.newEmail()), command.newEmail(),
                MailKind.CONFIRM_NEW_EMAIL, Optional.empty(), !taken);
        mail.send(OutgoingMail.notice(user.email(), MailKind.EMAIL_CHANGE_REQUESTED));
    }
}

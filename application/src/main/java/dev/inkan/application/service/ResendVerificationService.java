package dev.inkan.application.service;

import dev.inkan.application.port.in.ResendVerificationUseCase;
import dev.inkan.application.port.out.MailKind;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.application.tokens.LinkTokens;
import dev.inkan.domain.Email;
import dev.inkan.domain.OneTimeToken.Purpose;
import dev.inkan.domain.User;
import dev.inkan.domain.UserId;
import java.util.Objects;
import java.util.Optional;

/** Sends new verification links; asked by address, it does the same work for an address of an account or not. */
public final class ResendVerificationService implements ResendVerificationUseCase {

    private final UserRepository users;
    private final LinkTokens links;

    public ResendVerificationService(UserRepository users, LinkTokens links) {
        this.users = Objects.requireNonNull(users, "users");
        this.links = Objects.requireNonNull(links, "links");
    }

    @Override
    public void resend(UserId user) {
        send(links.fresh(), users.findById(user));
    }

    @Override
    public void resend(Email email) {
        LinkTokens.Fresh token = links.fresh();
        send(token, users.findByEmail(email));
    }

    private void send(LinkTokens.Fresh token, Optional<User> found) {
        found.filter(user -> !user.emailVerified() && !user.isDisabled())
                .ifPresent(user -> links.issueAndMail(token, user, Purpose.VERIFY_EMAIL, Optional.empty(), user.email(),
                        MailKind.VERIFY_EMAIL));
    }
}

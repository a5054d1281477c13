package dev.inkan.application.service;

import dev.inkan.application.port.in.RequestPasswordResetUseCase;
import dev.inkan.application.port.out.MailKind;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.application.tokens.LinkTokens;
import dev.inkan.domain.Email;
import dev.inkan.domain.OneTimeToken.Purpose;
import java.util.Objects;
import java.util.Optional;

/**
 * Mails password-reset links. A token is made and hashed for every request, for an address of an
 * account or not, and the mail is handed over without waiting for its delivery: both answers take
 * about the same time. A disabled account gets no link.
 */
public final class RequestPasswordResetService implements RequestPasswordResetUseCase {

    private final UserRepository users;
    private final LinkTokens links;

    public RequestPasswordResetService(UserRepository users, LinkTokens links) {
        this.users = Objects.requireNonNull(users, "users");
        this.links = Objects.requireNonNull(links, "links");
    }

    @Override
    public void requestReset(Email email) {
        LinkTokens.Fresh token = links.fresh();
        users.findByEmail(email)
                .filter(user -> !user.isDisabled())
                .ifPresent(user -> links.issueAndMail(token, user, Purpose.PASSWORD_RESET, Optional.empty(), user.email(),
                        MailKind.PASSWORD_RESET));
    }
}

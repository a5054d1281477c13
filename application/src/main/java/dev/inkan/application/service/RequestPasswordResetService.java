package dev.inkan.application.service;

import dev.inkan.application.port.in.RequestPasswordResetUseCase;
import dev.inkan.application.port.out.MailKind;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.port.out.UserRepository;
import dev.inkan.application.tokens.LinkTokens;
import dev.inkan.domain.Email;
import dev.inkan.domain.OneTimeToken.Purpose;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.SecurityEventType;
import java.time.Clock;
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
    private final RandomSource random;
    private final Clock clock;

    public RequestPasswordResetService(UserRepository users, LinkTokens links, RandomSource random, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.links = Objects.requireNonNull(links, "links");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void requestReset(Email email, RequestOrigin origin) {
        LinkTokens.Fresh token = links.fresh();
        users.findByEmail(email)
                .filter(user -> !user.isDisabled())
                .ifPresent(user -> links.issueAndMail(token, user, Purpose.PASSWORD_RESET, Optional.empty(), user.email(),
                        MailKind.PASSWORD_RESET, Optional.of(SecurityEvent.of(random.uuid(), clock.instant(),
                                SecurityEventType.PASSWORD_RESET_REQUESTED, user.id(), origin))));
    }
}

package dev.inkan.application.service;

import dev.inkan.application.port.in.VerifiedEmail;
import dev.inkan.application.port.in.VerifyEmailCommand;
import dev.inkan.application.port.in.VerifyEmailUseCase;
import dev.inkan.application.port.out.OneTimeTokenStore;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.tokens.LinkTokens;
import dev.inkan.domain.InvalidOneTimeTokenException;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.SecurityEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Verifies addresses with the token of a mailed link: the account's own, or the new one of a change of address. */
public final class VerifyEmailService implements VerifyEmailUseCase {

    private final OneTimeTokenStore tokens;
    private final LinkTokens links;
    private final RandomSource random;
    private final Clock clock;

    public VerifyEmailService(OneTimeTokenStore tokens, LinkTokens links, RandomSource random, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.links = Objects.requireNonNull(links, "links");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public VerifiedEmail verifyEmail(VerifyEmailCommand command, RequestOrigin origin) {
        Instant now = clock.instant();
        OneTimeTokenStore.UserAccountChange confirmed = tokens.confirmEmail(links.hashOf(command.token()), now,
                        (type, user) -> SecurityEvent.of(random.uuid(), now, type, user, origin))
                .orElseThrow(InvalidOneTimeTokenException::new);
        return new VerifiedEmail(confirmed.user(), confirmed.email());
    }
}

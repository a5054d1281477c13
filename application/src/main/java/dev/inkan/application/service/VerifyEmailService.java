package dev.inkan.application.service;

import dev.inkan.application.port.in.VerifiedEmail;
import dev.inkan.application.port.in.VerifyEmailCommand;
import dev.inkan.application.port.in.VerifyEmailUseCase;
import dev.inkan.application.port.out.OneTimeTokenStore;
import dev.inkan.application.tokens.LinkTokens;
import dev.inkan.domain.InvalidOneTimeTokenException;
import java.time.Clock;
import java.util.Objects;

/** Verifies addresses with the token of a mailed link: the account's own, or the new one of a change of address. */
public final class VerifyEmailService implements VerifyEmailUseCase {

    private final OneTimeTokenStore tokens;
    private final LinkTokens links;
    private final Clock clock;

    public VerifyEmailService(OneTimeTokenStore tokens, LinkTokens links, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.links = Objects.requireNonNull(links, "links");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public VerifiedEmail verifyEmail(VerifyEmailCommand command) {
        OneTimeTokenStore.UserAccountChange confirmed = tokens.confirmEmail(links.hashOf(command.token()), clock.instant())
                .orElseThrow(InvalidOneTimeTokenException::new);
        return new VerifiedEmail(confirmed.user(), confirmed.email());
    }
}

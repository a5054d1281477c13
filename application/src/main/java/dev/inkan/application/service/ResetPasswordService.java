package dev.inkan.application.service;

import dev.inkan.application.port.in.ResetPasswordCommand;
import dev.inkan.application.port.in.ResetPasswordUseCase;
import dev.inkan.application.port.out.MailKind;
import dev.inkan.application.port.out.MailSender;
import dev.inkan.application.port.out.OneTimeTokenStore;
import dev.inkan.application.port.out.OutgoingMail;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.tokens.LinkTokens;
import dev.inkan.domain.InvalidOneTimeTokenException;
import dev.inkan.domain.PasswordHash;
import dev.inkan.domain.RequestOrigin;
import dev.inkan.domain.SecurityEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Sets a new password with a reset link's token. The password is checked and hashed first, so a
 * refused password spends no token; then spending the token, setting the hash and ending every
 * session are one change.
 */
public final class ResetPasswordService implements ResetPasswordUseCase {

    private final OneTimeTokenStore tokens;
    private final LinkTokens links;
    private final NewPasswords passwords;
    private final MailSender mail;
    private final RandomSource random;
    private final Clock clock;

    public ResetPasswordService(OneTimeTokenStore tokens, LinkTokens links, NewPasswords passwords, MailSender mail,
                                RandomSource random, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.links = Objects.requireNonNull(links, "links");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.mail = Objects.requireNonNull(mail, "mail");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void resetPassword(ResetPasswordCommand command, RequestOrigin origin) {
        PasswordHash hash = passwords.hash(command.newPassword());
        Instant now = clock.instant();
        OneTimeTokenStore.UserAccountChange reset = tokens.resetPassword(links.hashOf(command.token()), hash, now,
                        (type, user) -> SecurityEvent.of(random.uuid(), now, type, user, origin))
                .orElseThrow(InvalidOneTimeTokenException::new);
        mail.send(OutgoingMail.notice(reset.email(), MailKind.PASSWORD_CHANGED));
    }
}

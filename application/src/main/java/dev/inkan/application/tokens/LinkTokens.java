package dev.inkan.application.tokens;

import dev.inkan.application.port.out.MailKind;
import dev.inkan.application.port.out.MailSender;
import dev.inkan.application.port.out.OneTimeTokenStore;
import dev.inkan.application.port.out.OutgoingMail;
import dev.inkan.application.port.out.RandomSource;
import dev.inkan.application.port.out.TokenHasher;
import dev.inkan.domain.Email;
import dev.inkan.domain.OneTimeToken;
import dev.inkan.domain.OneTimeTokenHash;
import dev.inkan.domain.SecurityEvent;
import dev.inkan.domain.User;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The one-time tokens of mailed links: 256 random bits as unpadded base64url, of which only the
 * SHA-256 is stored. A flow that must not tell whether an address has an account makes a token
 * whether or not it will use it, so both answers cost the same.
 */
public final class LinkTokens {

    /** 256 bits, as the refresh tokens have. */
    static final int TOKEN_BYTES = 32;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final OneTimeTokenStore store;
    private final TokenHasher hasher;
    private final RandomSource random;
    private final MailSender mail;
    private final Clock clock;

    public LinkTokens(OneTimeTokenStore store, TokenHasher hasher, RandomSource random, MailSender mail, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.random = Objects.requireNonNull(random, "random");
        this.mail = Objects.requireNonNull(mail, "mail");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return a new token and its hash, nothing stored yet */
    public Fresh fresh() {
        String token = BASE64URL.encodeToString(random.bytes(TOKEN_BYTES));
        return new Fresh(token, hashOf(token));
    }

    /** @return the hash under which {@code token} would be stored */
    public OneTimeTokenHash hashOf(String token) {
        return new OneTimeTokenHash(hasher.hash(token).hex());
    }

    /**
     * Stores {@code fresh} as {@code user}'s token for {@code purpose} (their earlier ones of it stop
     * working) and mails its link, as {@code kind}, to {@code to}.
     *
     * @param newEmail the address a change of address moves to; empty for every other purpose
     * @return whether it was stored and sent (false when the user is gone)
     */
    public boolean issueAndMail(Fresh fresh, User user, OneTimeToken.Purpose purpose, Optional<Email> newEmail, Email to,
                                MailKind kind) {
        return issueAndMail(fresh, user, purpose, newEmail, to, kind, Optional.empty());
    }

    /** As the method above, recording {@code event} with the token. */
    public boolean issueAndMail(Fresh fresh, User user, OneTimeToken.Purpose purpose, Optional<Email> newEmail, Email to,
                                MailKind kind, Optional<SecurityEvent> event) {
        return issueAndMail(fresh, user, purpose, newEmail, to, kind, event, true);
    }

    /**
     * As the method above; the link is mailed only when {@code send}, so that a caller can do the
     * same work for a link it must not send.
     */
    public boolean issueAndMail(Fresh fresh, User user, OneTimeToken.Purpose purpose, Optional<Email> newEmail, Email to,
                                MailKind kind, Optional<SecurityEvent> event, boolean send) {
        if (!store.issue(OneTimeToken.issue(fresh.hash(), user.id(), purpose, newEmail, clock.instant()), event)) {
            return false;
        }
        if (send) {
            mail.send(OutgoingMail.withLink(to, kind, fresh.token()));
        }
        return true;
    }

    /** A token just made, and its hash; the token never shows in {@link #toString()}. */
    public record Fresh(String token, OneTimeTokenHash hash) {

        public Fresh {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(hash, "hash");
        }

        @Override
        public String toString() {
            return "Fresh[***]";
        }
    }
}

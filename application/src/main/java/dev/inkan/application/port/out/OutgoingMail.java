package dev.inkan.application.port.out;

import dev.inkan.domain.Email;
import java.util.Objects;
import java.util.Optional;

/**
 * One message to send: to whom, which of Inkan's messages, and for the kinds that carry a link the
 * one-time token the link holds (as {@code ?token=} under the service's public URL). The token is a
 * secret: {@link #toString} leaves it out.
 */
public record OutgoingMail(Email to, MailKind kind, Optional<String> token) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(token, "token");
        if (kind.hasLink() != token.isPresent()) {
            throw new IllegalArgumentException(kind + (kind.hasLink() ? " needs a token" : " carries no token"));
        }
    }

    /** A message whose link holds {@code token}. */
    public static OutgoingMail withLink(Email to, MailKind kind, String token) {
        return new OutgoingMail(to, kind, Optional.of(token));
    }

    /** A notice without a link. */
    public static OutgoingMail notice(Email to, MailKind kind) {
        return new OutgoingMail(to, kind, Optional.empty());
    }

    @Override
    public String toString() {
        return "OutgoingMail[to=" + to + ", kind=" + kind + "]";
    }
}

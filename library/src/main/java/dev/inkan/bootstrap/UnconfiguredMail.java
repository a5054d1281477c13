package dev.inkan.bootstrap;

import dev.inkan.application.port.out.MailSender;
import dev.inkan.application.port.out.OutgoingMail;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mail of an Inkan given no way to send any (no {@code mailSender(…)}, {@code mailOutbox(…)} or
 * {@code INKAN_SMTP_HOST}): every message is dropped, and the first drop says so in the log, once.
 */
final class UnconfiguredMail implements MailSender {

    private static final Logger LOG = LoggerFactory.getLogger(UnconfiguredMail.class);

    private final AtomicBoolean warned = new AtomicBoolean();
    private final Consumer<String> warning;

    UnconfiguredMail() {
        this(LOG::warn);
    }

    /** @param warning where the warning goes: the log, or a test's list */
    UnconfiguredMail(Consumer<String> warning) {
        this.warning = Objects.requireNonNull(warning, "warning");
    }

    @Override
    public void send(OutgoingMail mail) {
        Objects.requireNonNull(mail, "mail");
        if (warned.compareAndSet(false, true)) {
            warning.accept("mail is not configured, so no message is sent (the first dropped was a " + mail.kind()
                    + " message): give Inkan.builder() a mailSender(…) or a mailOutbox(…), or configure INKAN_SMTP_HOST");
        }
    }
}

package dev.inkan.adapter.mail;

import dev.inkan.application.port.out.MailKind;
import dev.inkan.application.port.out.MailSender;
import dev.inkan.application.port.out.OutgoingMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MailSender} the application gets: {@link #send} counts the message against its
 * recipient's hourly limit, puts it in a bounded queue and returns; one daemon thread composes and
 * delivers it, and tries a failed delivery again with a growing wait before giving it up. A message
 * over the limit, or one that finds the queue full, is dropped with a warning. No log line holds a
 * token, a link or a recipient: the kind of message and the attempt are what they say.
 */
public final class QueuedMailSender implements MailSender, AutoCloseable {

    /** Messages that may wait at once, retries included. */
    static final int DEFAULT_CAPACITY = 1_000;
    /** How long {@link #close} lets the messages already due be delivered. */
    static final Duration DEFAULT_CLOSE_GRACE = Duration.ofSeconds(5);
    /** How long {@link #close} then waits for an interrupted delivery to end and say what it abandoned. */
    private static final Duration INTERRUPTED_GRACE = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(QueuedMailSender.class);

    private final MailDelivery delivery;
    private final MailComposer composer;
    private final RecipientLimit limit;
    private final Retries retries;
    private final int capacity;
    private final Duration closeGrace;
    private final ScheduledThreadPoolExecutor worker;
    /** Accepted and neither delivered nor given up yet: queued, being tried, or waiting to be tried again. */
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();

    QueuedMailSender(MailDelivery delivery, MailSettings settings, Retries retries, int capacity, Duration closeGrace,
                     Clock clock) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.composer = new MailComposer(new MailTemplates(), settings, clock);
        this.limit = new RecipientLimit(settings.perRecipientPerHour(), clock);
        this.retries = Objects.requireNonNull(retries, "retries");
        if (capacity < 1) {
            throw new IllegalArgumentException("the queue must hold at least one message");
        }
        this.capacity = capacity;
        this.closeGrace = Objects.requireNonNull(closeGrace, "closeGrace");
        this.worker = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "inkan-mail");
            thread.setDaemon(true);
            return thread;
        });
        worker.setRemoveOnCancelPolicy(true);
        // at close, the messages waiting for a retry are abandoned; those due now still get their try
        worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /**
     * Delivers to an SMTP server, whose certificate the JVM's trust store must trust.
     *
     * @param clock the clock of the hourly limit and of the messages' {@code Date}
     */
    public static QueuedMailSender smtp(SmtpSettings smtp, MailSettings settings, Clock clock) {
        return new QueuedMailSender(new SmtpDelivery(smtp), settings, Retries.DEFAULT, DEFAULT_CAPACITY,
                DEFAULT_CLOSE_GRACE, clock);
    }

    /**
     * Writes each message as an {@code .eml} file into {@code directory}, made owner-only if it does not exist.
     *
     * @param clock the clock of the hourly limit, of the messages' {@code Date} and of the file names
     * @throws java.io.UncheckedIOException when the folder cannot be made
     */
    public static QueuedMailSender outbox(Path directory, MailSettings settings, Clock clock) {
        return new QueuedMailSender(new OutboxDelivery(directory, clock), settings, Retries.DEFAULT, DEFAULT_CAPACITY,
                DEFAULT_CLOSE_GRACE, clock);
    }

    /** Queues {@code mail} and returns at once; never throws for a delivery problem, and drops what it cannot take. */
    @Override
    public void send(OutgoingMail mail) {
        Objects.requireNonNull(mail, "mail");
        String kind = MailTemplates.fileName(mail.kind());
        if (closed.get()) {
            LOG.warn("mail: {} message dropped: the mail sender is stopped", kind);
            return;
        }
        if (pending.incrementAndGet() > capacity) {
            pending.decrementAndGet();
            LOG.warn("mail: {} message dropped: {} messages are already waiting", kind, capacity);
            return;
        }
        // A security notice goes whatever the recipient got: flooding their inbox is no way to hide a change of their account.
        boolean capped = !isSecurityNotice(mail.kind());
        if (capped && !limit.tryAcquire(mail.to())) {
            pending.decrementAndGet();
            LOG.warn("mail: {} message dropped: its recipient already got {} in the last hour", kind, limit.perHour());
            return;
        }
        try {
            worker.execute(new Delivery(mail, kind));
        } catch (RejectedExecutionException stopping) {
            pending.decrementAndGet();
            if (capped) {
                limit.release(mail.to());
            }
            LOG.warn("mail: {} message dropped: the mail sender is stopping", kind);
        }
    }
    /**
     * The notices of a change that only someone with the password can make (it is rate limited as a
     * login is), which the per-recipient cap must not let an attacker suppress.
     */
    private static boolean isSecurityNotice(MailKind kind) {
        return kind == MailKind.PASSWORD_CHANGED || kind == MailKind.EMAIL_CHANGE_REQUESTED;
    }


    /** @return where the messages go, for the log: the SMTP server or the outbox folder */
    public String destination() {
        return delivery.describe();
    }

    /**
     * Stops taking messages, gives those already due a few seconds to be delivered, abandons the
     * rest (with a warning that counts them) and stops the mail thread: a delivery still under way
     * is interrupted, and given a second more to end and log what it abandoned, so that its warning
     * comes before the count and no thread of this sender logs after it has closed.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        worker.shutdown();
        try {
            if (!worker.awaitTermination(closeGrace.toMillis(), TimeUnit.MILLISECONDS)) {
                worker.shutdownNow();
                worker.awaitTermination(INTERRUPTED_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
        int undelivered = pending.get();
        if (undelivered > 0) {
            LOG.warn("mail: stopped with {} message(s) not delivered to {}", undelivered, delivery.describe());
        }
    }

    /** One message's way out; runs on the mail thread only, so its fields need no lock. */
    private final class Delivery implements Runnable {

        private final OutgoingMail mail;
        private final String kind;
        private MimeMessage message;
        private int failed;

        Delivery(OutgoingMail mail, String kind) {
            this.mail = mail;
            this.kind = kind;
        }

        @Override
        public void run() {
            try {
                if (message == null) {
                    message = composer.compose(mail);
                }
            } catch (MessagingException | RuntimeException e) {
                pending.decrementAndGet();
                LOG.warn("mail: {} message dropped: it could not be composed ({})", kind, Reasons.of(e));
                return;
            }
            try {
                delivery.deliver(message, mail.kind());
                pending.decrementAndGet();
                LOG.debug("mail: {} message delivered to {} (attempt {})", kind, delivery.describe(), failed + 1);
            } catch (MessagingException | IOException | RuntimeException e) {
                failed(e);
            }
        }

        private void failed(Exception e) {
            failed++;
            if (failed >= retries.attempts()) {
                pending.decrementAndGet();
                LOG.warn("mail: {} message given up after {} attempts to reach {}: {}", kind, failed, delivery.describe(),
                        Reasons.of(e));
                return;
            }
            Duration wait = retries.delayAfter(failed);
            try {
                worker.schedule(this, wait.toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("mail: {} message: attempt {} of {} to reach {} failed ({}); trying again in {} ms", kind, failed,
                        retries.attempts(), delivery.describe(), Reasons.of(e), wait.toMillis());
            } catch (RejectedExecutionException stopping) {
                LOG.warn("mail: {} message abandoned after attempt {} failed ({}): the mail sender is stopping", kind,
                        failed, Reasons.of(e));
            }
        }
    }
}

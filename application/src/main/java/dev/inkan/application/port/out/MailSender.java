package dev.inkan.application.port.out;

/**
 * Driven port: mail to a user. {@link #send} hands a message over and returns without waiting for
 * its delivery, which the adapter retries on its own; a request's answer never depends on it.
 * Adapters cap how many messages one recipient gets per hour and drop the rest, so that the flows
 * that send mail cannot be used to flood someone's inbox. No adapter logs a message's token.
 */
@FunctionalInterface
public interface MailSender {

    /** Hands over one message; never throws for a delivery problem. */
    void send(OutgoingMail mail);
}

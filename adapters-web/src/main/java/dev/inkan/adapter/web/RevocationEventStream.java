package dev.inkan.adapter.web;

import dev.inkan.application.port.in.RevocationFollow;
import dev.inkan.application.port.in.RevocationFollower;
import dev.inkan.domain.SequencedRevocation;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open {@code GET /auth/revocations}: written by a thread of its own (never one of Jetty's, whose
 * request is asynchronous meanwhile), first what the follower missed, then {@code ready}, then each
 * revocation as it comes and a heartbeat whenever the stream has been quiet that long. It ends when
 * the client goes, when its access token expires or is revoked, when it falls too far behind (it
 * reconnects and catches up), or when the server stops; then {@link #done()} completes. An access
 * token is also checked again once per heartbeat interval, as the server verifies any other: a token
 * whose signing key was retired is named by no revocation, and one forged with a stolen key may carry
 * any expiry, yet neither may keep a stream open.
 */
final class RevocationEventStream implements RevocationFollower, Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationEventStream.class);
    /** Live revocations a stream may hold unwritten; a client slower than this is let go, to catch up anew. */
    static final int BACKLOG = 10_000;
    private static final Object CREDENTIAL_REVOKED = new Object();
    private static final Object STOP = new Object();

    private final OutputStream out;
    private final Duration heartbeat;
    private final Optional<Instant> expiry;
    private final BooleanSupplier stillAccepted;
    private final Clock clock;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger backlog = new AtomicInteger();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private volatile RevocationFollow follow;
    private volatile String end = "";

    /**
     * @param expiry when the follower's access token expires; empty for a feed token
     * @param stillAccepted whether the server still accepts the follower's credential, asked once per
     *     heartbeat interval (always true for a feed token)
     */
    RevocationEventStream(OutputStream out, Duration heartbeat, Optional<Instant> expiry, BooleanSupplier stillAccepted,
                          Clock clock) {
        this.out = Objects.requireNonNull(out, "out");
        this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
        this.expiry = Objects.requireNonNull(expiry, "expiry");
        this.stillAccepted = Objects.requireNonNull(stillAccepted, "stillAccepted");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Gives the stream what it begins with, before it runs. */
    void begin(RevocationFollow follow) {
        this.follow = Objects.requireNonNull(follow, "follow");
    }

    @Override
    public void revoked(SequencedRevocation revocation) {
        if (backlog.incrementAndGet() > BACKLOG) {
            stop("the client fell " + BACKLOG + " revocations behind");
        } else {
            queue.add(revocation);
        }
    }

    @Override
    public void credentialRevoked() {
        queue.add(CREDENTIAL_REVOKED);
    }

    /** Ends the stream soon, from any thread; the reason goes to the log. */
    void stop(String reason) {
        if (end.isEmpty()) {
            end = reason;
        }
        queue.add(STOP);
    }

    /** Ends a stream that never ran: closes its subscription and completes {@link #done()}. */
    void abandon() {
        closeSubscription();
        done.complete(null);
    }

    /** @return completes once the stream has ended and its subscription is closed */
    CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public void run() {
        String reason = "ended";
        try {
            reason = write();
        } catch (IOException e) {
            reason = "the client went away";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reason = "the server stopped";
        } catch (RuntimeException e) {
            reason = "it failed (" + e.getClass().getSimpleName() + ")";
        } finally {
            closeSubscription();
            LOG.debug("revocation stream ended: {}", reason);
            done.complete(null);
        }
    }

    private boolean expired(Instant now) {
        return expiry.isPresent() && !now.isBefore(expiry.get());
    }

    private void closeSubscription() {
        try {
            follow.subscription().close();
        } catch (Exception e) {
            LOG.warn("closing a revocation stream's subscription failed: {}", e.getClass().getSimpleName());
        }
    }

    /** @return why the stream ended */
    private String write() throws IOException, InterruptedException {
        out.write(RevocationEvents.RETRY);
        for (SequencedRevocation missed : follow.missed()) {
            Optional<byte[]> event = RevocationEvents.of(missed);
            if (event.isPresent()) {
                out.write(event.get());
            }
        }
        if (follow.credentialRevoked()) {
            out.flush();
            return "its access token was revoked";
        }
        out.write(RevocationEvents.ready(follow.position()));
        out.flush();
        Instant nextCheck = clock.instant().plus(heartbeat);
        while (true) {
            Instant now = clock.instant();
            if (expired(now)) {
                return "its access token expired";
            }
            if (!now.isBefore(nextCheck)) {
                if (!stillAccepted.getAsBoolean()) {
                    out.flush();
                    return "its access token is no longer accepted";
                }
                nextCheck = now.plus(heartbeat);
            }
            long wait = expiry.map(at -> Math.min(heartbeat.toMillis(), Duration.between(now, at).toMillis() + 1))
                    .orElse(heartbeat.toMillis());
            Object next = queue.poll(wait, TimeUnit.MILLISECONDS);
            if (!end.isEmpty()) {
                return end;
            }
            if (next == null) {
                if (expired(clock.instant())) {
                    return "its access token expired";
                }
                out.write(RevocationEvents.HEARTBEAT);
                out.flush();
            } else if (next == CREDENTIAL_REVOKED) {
                out.flush();
                return "its access token was revoked";
            } else if (next instanceof SequencedRevocation revocation) {
                backlog.decrementAndGet();
                Optional<byte[]> event = RevocationEvents.of(revocation);
                if (event.isPresent()) {
                    out.write(event.get());
                }
                if (queue.isEmpty()) {
                    out.flush();
                }
            }
        }
    }
}

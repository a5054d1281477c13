package dev.inkan.verifier;

import dev.inkan.domain.RevocationRegistry;
import dev.inkan.token.JsonDocument;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Follows Inkan's revocation feed on one background thread: connects, catches up from the last
 * sequence number it has ({@code Last-Event-ID}), hands each revocation to the registry and each
 * retired key to the key set, and reconnects with a growing backoff when the stream ends, is refused,
 * or falls silent for longer than the silence limit (Inkan sends a heartbeat every 15 s, so a
 * connection that a NAT or firewall dropped without a word is noticed). It is current from the
 * {@code ready} event on, for as long as it keeps hearing from the connection.
 */
final class FeedFollower implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FeedFollower.class.getName());

    private final HttpClient http;
    private final URI feed;
    private final Supplier<String> credential;
    private final RevocationRegistry registry;
    private final KeySet keys;
    private final Clock clock;
    private final long silenceLimitNanos;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Thread thread;
    private final Object signal = new Object();
    private final CountDownLatch firstCurrent = new CountDownLatch(1);
    private final AtomicLong connections = new AtomicLong();
    private volatile boolean running = true;
    /** The epoch milliseconds when it last knew it had every revocation; {@link Long#MIN_VALUE} for never. */
    private volatile long currentAt = Long.MIN_VALUE;
    /** The last sequence number it has, or -1 before the first event. */
    private volatile long position = -1;
    private volatile Optional<String> problem = Optional.empty();
    private volatile Connection connection;

    FeedFollower(HttpClient http, URI feed, Supplier<String> credential, RevocationRegistry registry, KeySet keys, Clock clock,
                 Duration silenceLimit, Duration firstBackoff, Duration maxBackoff) {
        this.http = Objects.requireNonNull(http, "http");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.credential = Objects.requireNonNull(credential, "credential");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.silenceLimitNanos = silenceLimit.toNanos();
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.thread = new Thread(this::run, "inkan-verifier-feed");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** @return whether the feed was current within {@code staleAfter} of {@code nowMillis} */
    boolean isCurrent(long nowMillis, long staleAfterMillis) {
        long at = currentAt;
        return at != Long.MIN_VALUE && nowMillis - at <= staleAfterMillis;
    }

    /** @return whether it became current (caught up) once within {@code timeout} */
    boolean awaitCurrent(Duration timeout) throws InterruptedException {
        return firstCurrent.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    Optional<java.time.Instant> currentAt() {
        long at = currentAt;
        return at == Long.MIN_VALUE ? Optional.empty() : Optional.of(java.time.Instant.ofEpochMilli(at));
    }

    long position() {
        return Math.max(position, 0);
    }

    long connections() {
        return connections.get();
    }

    Optional<String> problem() {
        return problem;
    }

    private void run() {
        keys.fetchIfAllowed(); // the first keys, before the first token comes
        Duration backoff = firstBackoff;
        while (running) {
            Connection current = new Connection();
            connection = current;
            connections.incrementAndGet();
            current.open();
            current.awaitEnd();
            current.cancel();
            if (!running) {
                return;
            }
            if (current.ready) {
                backoff = firstBackoff;
            }
            LOG.log(Level.WARNING, "lost the revocation feed of " + feed + " (" + problem.orElse("it ended")
                    + "); reconnecting in " + backoff.toMillis() + " ms");
            pause(backoff);
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        }
    }

    private void pause(Duration duration) {
        synchronized (signal) {
            long deadline = System.nanoTime() + duration.toNanos();
            long left;
            while (running && (left = deadline - System.nanoTime()) > 0) {
                waitOn(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
        }
    }

    /** Waits on {@link #signal}, which the caller holds; an interrupt stops the follower. */
    private void waitOn(long millis) {
        try {
            signal.wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** Stops following: the open stream is cancelled, the thread ends. */
    @Override
    public void close() {
        running = false;
        Connection open = connection;
        if (open != null) {
            open.cancel();
        }
        wake();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One connection to the feed: its lines arrive on the HTTP client's threads, its end wakes the follower. */
    private final class Connection implements Flow.Subscriber<String>, SseLines.Listener {

        private final SseLines lines = new SseLines(this);
        private volatile Flow.Subscription subscription;
        private volatile boolean cancelled;
        private volatile boolean ended;
        private volatile boolean ready;
        private volatile long heardAt = System.nanoTime();

        void open() {
            HttpRequest.Builder request = HttpRequest.newBuilder(feed).version(HttpClient.Version.HTTP_1_1)
                    .header("Accept", "text/event-stream").GET();
            try {
                request.header("Authorization", "Bearer " + credential.get());
            } catch (RuntimeException e) {
                end("the feed credential could not be had (" + e.getClass().getSimpleName() + ")");
                return;
            }
            if (position >= 0) {
                request.header("Last-Event-ID", Long.toString(position));
            }
            http.sendAsync(request.build(), this::bodyOf).whenComplete((response, failure) -> {
                if (failure != null) {
                    end("it could not be reached (" + failure.getClass().getSimpleName() + ")");
                } else if (response.statusCode() != 200) {
                    end(refusal(response.statusCode()));
                } else {
                    end("Inkan ended the stream");
                }
            });
        }

        private HttpResponse.BodySubscriber<Void> bodyOf(HttpResponse.ResponseInfo info) {
            return info.statusCode() == 200 ? BodySubscribers.fromLineSubscriber(this) : BodySubscribers.replacing(null);
        }

        private String refusal(int status) {
            return switch (status) {
                case 401 -> "it refused the credential (401): check the feed token, one of INKAN_REVOCATION_FEED_TOKENS";
                case 403 -> "it refused the credential (403): an access token needs the role service";
                case 404 -> "this server has no revocation feed to follow (404)";
                default -> "it answered " + status;
            };
        }

        /** Returns once the connection ended, fell silent for longer than the limit, or the follower stops. */
        void awaitEnd() {
            synchronized (signal) {
                while (running && !ended) {
                    long silent = System.nanoTime() - heardAt;
                    if (silent >= silenceLimitNanos) {
                        problem = Optional.of("nothing came for " + TimeUnit.NANOSECONDS.toMillis(silent) + " ms");
                        return;
                    }
                    waitOn(TimeUnit.NANOSECONDS.toMillis(silenceLimitNanos - silent) + 1);
                }
            }
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription open = subscription;
            if (open != null) {
                open.cancel();
            }
        }

        private void end(String why) {
            if (!ended && !cancelled) {
                problem = Optional.of(why);
            }
            ended = true;
            wake();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (cancelled) {
                subscription.cancel();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            if (cancelled) {
                return;
            }
            try {
                lines.line(line);
            } catch (RuntimeException e) {
                end("it sent what is no event of the feed (" + e.getMessage() + ")");
                cancel();
            }
        }

        @Override
        public void onError(Throwable failure) {
            end("the stream broke (" + failure.getClass().getSimpleName() + ")");
        }

        @Override
        public void onComplete() {
            end("Inkan ended the stream");
        }

        @Override
        public void heard() {
            heardAt = System.nanoTime();
            if (ready) {
                currentAt = clock.millis();
            }
        }

        @Override
        public void event(Optional<String> id, String event, String data) {
            Map<String, Object> members;
            try {
                members = JsonDocument.parseObject(data);
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, "skipping an event of the revocation feed that is no JSON object: " + event);
                return;
            }
            try {
                if (event.equals("ready")) {
                    position = FeedEvents.readySeq(members);
                    ready = true;
                    currentAt = clock.millis();
                    problem = Optional.empty();
                    firstCurrent.countDown();
                    return;
                }
                if (event.equals("key")) {
                    FeedEvents.RetiredKey key = FeedEvents.retiredKey(members);
                    keys.retire(key.keyId(), key.until());
                } else {
                    FeedEvents.revocation(event, members).ifPresent(registry);
                }
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, "skipping an event of the revocation feed of kind " + event + ": " + e.getMessage());
            }
            id.ifPresent(this::advance);
        }

        private void advance(String id) {
            try {
                position = Long.parseLong(id);
            } catch (NumberFormatException e) {
                LOG.log(Level.WARNING, "an event of the revocation feed has an id that is no sequence number");
            }
        }
    }
}

package dev.inkan.adapter.web;

import dev.inkan.application.port.in.StreamRevocationsUseCase;
import dev.inkan.domain.AccessTokenClaims;
import dev.inkan.domain.InvalidTokenException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /auth/revocations}: the revocation log as Server-Sent Events, for resource servers that
 * verify Inkan's tokens themselves. The caller shows a feed token or an access token with the role
 * {@code service} as {@code Authorization: Bearer}; catches up from {@code ?since=} or
 * {@code Last-Event-ID} (the latter wins: it is what a reconnecting client last had); and is served
 * asynchronously, by a thread of the stream's own, so that open streams hold none of Jetty's threads.
 */
final class RevocationStreamHandlers {

    static final String PATH = "/auth/revocations";
    /** The role an access token needs to follow the feed. */
    static final String SERVICE_ROLE = "service";
    /** A sequence number has at most 19 digits (a long). */
    private static final int MAX_SEQ_DIGITS = 19;

    private final Optional<StreamRevocationsUseCase> revocations;
    private final RequestAuthentication authentication;
    private final RevocationFeedSettings settings;
    private final Clock clock;
    private final AtomicInteger open = new AtomicInteger();
    private final Set<RevocationEventStream> streams = ConcurrentHashMap.newKeySet();
    private final ExecutorService writers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "inkan-revocation-stream");
        thread.setDaemon(true);
        return thread;
    });

    RevocationStreamHandlers(Optional<StreamRevocationsUseCase> revocations, RequestAuthentication authentication,
                             RevocationFeedSettings settings, Clock clock) {
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    static void mount(RoutesConfig routes, String prefix, RevocationStreamHandlers handlers) {
        routes.get(prefix + PATH, handlers::stream);
    }

    void stream(Context ctx) {
        StreamRevocationsUseCase log = revocations.filter(StreamRevocationsUseCase::available).orElseThrow(() ->
                new ProblemException(404, "no-revocation-stream", "No revocation stream",
                        "this server's revocation feed keeps no sequence, so it cannot be followed"));
        String token = RequestAuthentication.bearerToken(ctx.header("Authorization"));
        Optional<AccessTokenClaims> caller = caller(token);
        BooleanSupplier stillAccepted = caller.isEmpty() ? () -> true : stillAccepted(token);
        OptionalLong since = since(ctx);
        if (open.incrementAndGet() > settings.maxStreams()) {
            open.decrementAndGet();
            ctx.header("Retry-After", "5");
            throw new ProblemException(503, "too-many-streams", "Too many streams",
                    "as many revocation streams as this server serves at once are open; try again shortly");
        }
        RevocationEventStream stream;
        try {
            stream = new RevocationEventStream(outputOf(ctx), settings.heartbeat(), caller.map(AccessTokenClaims::expiresAt),
                    stillAccepted, clock);
            stream.begin(log.follow(since, caller, stream));
        } catch (RuntimeException e) {
            open.decrementAndGet();
            throw e;
        }
        streams.add(stream);
        stream.done().whenComplete((nothing, failure) -> {
            streams.remove(stream);
            open.decrementAndGet();
        });
        try {
            ctx.status(200).contentType("text/event-stream; charset=utf-8").header("X-Accel-Buffering", "no");
            ctx.res().flushBuffer();
            ctx.future(stream::done);
            writers.execute(stream);
        } catch (IOException | RejectedExecutionException e) {
            stream.abandon(); // the client went at once, or the server is stopping
        } catch (RuntimeException e) {
            stream.abandon();
            throw e;
        }
    }

    /**
     * @return empty for a feed token; the claims of an access token with the role {@code service}
     * @throws InvalidTokenException (401) for neither
     * @throws InsufficientRoleException (403) for an access token without the role
     */
    private Optional<AccessTokenClaims> caller(String token) {
        if (settings.isFeedToken(token)) {
            return Optional.empty();
        }
        AccessTokenClaims claims = authentication.verify(token);
        if (!claims.hasRole(SERVICE_ROLE)) {
            throw new InsufficientRoleException();
        }
        return Optional.of(claims);
    }

    /**
     * @return whether the server still accepts {@code token}, verified as on any request: its key
     *     still in the ring, no revocation refusing it
     */
    private BooleanSupplier stillAccepted(String token) {
        return () -> {
            try {
                authentication.verify(token);
                return true;
            } catch (InvalidTokenException e) {
                return false;
            }
        };
    }

    /** @throws ProblemException (400) unless each given is a sequence number */
    private static OptionalLong since(Context ctx) {
        String lastEventId = ctx.header("Last-Event-ID");
        if (lastEventId != null) {
            return OptionalLong.of(sequenceNumber(lastEventId, "Last-Event-ID"));
        }
        String since = ctx.queryParam("since");
        return since == null ? OptionalLong.empty() : OptionalLong.of(sequenceNumber(since, "since"));
    }

    private static long sequenceNumber(String text, String name) {
        String digits = text.strip();
        if (digits.isEmpty() || digits.length() > MAX_SEQ_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ProblemException.badRequest(name + " must be a sequence number: the id of the last event received, "
                    + "a whole number of 0 or more");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name + " is beyond any sequence number");
        }
    }

    private static java.io.OutputStream outputOf(Context ctx) {
        try {
            return ctx.res().getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends every open stream, so that the server's stop need not wait for them. */
    void closeAll() {
        streams.forEach(stream -> stream.stop("the server stopped"));
        writers.shutdown();
    }
}

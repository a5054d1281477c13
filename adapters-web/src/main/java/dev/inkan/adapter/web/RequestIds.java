package dev.inkan.adapter.web;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request id for every request (the caller's {@code X-Request-Id} when it is a plain token, a new
 * one otherwise), echoed in the response, and one logfmt line per request that carries it. Lines
 * name the route, never the query, a body, a header value or a token.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    /** What {@link #of} gives for a request that has none (one outside Inkan's routes). */
    static final String NONE = "-";
    private static final String ATTRIBUTE = "inkan.requestId";
    private static final Logger ACCESS = LoggerFactory.getLogger("dev.inkan.access");

    private RequestIds() {
    }

    static void assign(Context ctx) {
        String offered = ctx.header(HEADER);
        String id = offered != null && offered.matches("[A-Za-z0-9._-]{1,64}") ? offered : newId();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    /**
     * 128 random bits in the form of a UUID, from this thread's generator: a request id only tells
     * log lines apart, so it needs no secure randomness, and must not queue every request behind
     * the one lock that {@code UUID.randomUUID()}'s generator has.
     */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? NONE : id;
    }

    /** The matched route's pattern ({@code /auth/sessions/{id}}), so ids in paths never reach logs or metric labels. */
    static String route(Context ctx) {
        try {
            String path = ctx.endpoint().path;
            return path.equals("*") || path.isEmpty() ? "unmatched" : path;
        } catch (RuntimeException e) {
            return "unmatched";
        }
    }

    /** @return {@code millis} rounded to one decimal, as {@code %.1f} would write it but without a formatter for every request */
    static String tenths(float millis) {
        long tenths = Math.round(millis * 10.0);
        return tenths / 10 + "." + Math.abs(tenths % 10);
    }

    static void logCompleted(Context ctx, float millis, WebMetrics metrics) {
        String route = route(ctx);
        metrics.request(ctx.method().name(), route, ctx.statusCode(), Duration.ofNanos((long) (millis * 1_000_000)));
        ACCESS.info("request request_id={} method={} route={} status={} duration_ms={}", of(ctx), ctx.method(), route,
                ctx.statusCode(), tenths(millis));
    }
}

package dev.inkan.adapter.web;

import dev.inkan.application.port.in.CountSecurityEventsUseCase;
import dev.inkan.domain.InvalidTokenException;
import dev.inkan.domain.SecurityEventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What {@code GET /metrics} shows in Prometheus format: logins by outcome, token refusals by
 * reason, refresh reuse, rate-limit hits, request latency per route, and the security events
 * recorded by type (every type from the start, at zero until one is recorded).
 */
final class WebMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /**
     * The request timers by their tags, so that a request looks its timer up once instead of building
     * it anew (the registry would hand back the same one). Safe to share: a concurrent map of meters
     * that are thread-safe themselves; routes are patterns, so there are few keys.
     */
    private final Map<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();

    /** @param events how many security events of each type this instance has recorded; read at each scrape */
    WebMetrics(CountSecurityEventsUseCase events) {
        for (SecurityEventType type : SecurityEventType.values()) {
            FunctionCounter.builder("inkan_security_events", events, counts -> counts.recorded(type))
                    .description("Security events recorded (committed), by type")
                    .tag("type", type.wireName())
                    .register(registry);
        }
    }

    void login(String outcome) {
        Counter.builder("inkan_logins").description("Login attempts by outcome").tag("outcome", outcome)
                .register(registry).increment();
    }

    void tokenRefused(InvalidTokenException.Reason reason) {
        Counter.builder("inkan_token_refusals").description("Access tokens refused, by reason")
                .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT)).register(registry).increment();
    }

    void refreshReuse() {
        Counter.builder("inkan_refresh_reuse_detections").description("Spent refresh tokens presented again; each ends a session")
                .register(registry).increment();
    }

    void rateLimited(String route) {
        Counter.builder("inkan_rate_limit_hits").description("Requests refused with 429").tag("route", route)
                .register(registry).increment();
    }

    void request(String method, String route, int status, Duration took) {
        requestTimers.computeIfAbsent(new RequestKey(method, route, status), key ->
                Timer.builder("inkan_http_requests").description("HTTP requests by route and status")
                        .tag("method", key.method()).tag("route", key.route()).tag("status", Integer.toString(key.status()))
                        .publishPercentileHistogram()
                        .register(registry)).record(took);
    }

    String scrape() {
        return registry.scrape();
    }

    private record RequestKey(String method, String route, int status) {
    }
}

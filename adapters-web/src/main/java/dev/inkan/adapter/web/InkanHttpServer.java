package dev.inkan.adapter.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Inkan's HTTP API as a Javalin server: the routes of DESIGN.md, strict JSON, problem+json errors;
 * and, on a listener of its own, {@code GET /metrics} for operators.
 */
public final class InkanHttpServer implements AutoCloseable {

    /** Scripts and styles from Inkan itself only; no framing, no plugins, no inline code. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /** Request headers larger than this are refused by Jetty with 431. */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    private final Javalin javalin;
    private final Optional<Javalin> management;

    private InkanHttpServer(Javalin javalin, Optional<Javalin> management) {
        this.javalin = javalin;
        this.management = management;
    }

    /**
     * Starts the API on {@code host}:{@code port}, without a management listener.
     *
     * @param port the port, or 0 for any free one (see {@link #port()})
     */
    public static InkanHttpServer start(WebUseCases useCases, WebSettings settings, String host, int port) {
        return start(useCases, settings, RateLimitBuckets.inMemory(), host, port, Optional.empty());
    }

    /**
     * Starts the API with rate-limit buckets kept in {@code buckets} (shared by several instances),
     * without a management listener.
     *
     * @param port the port, or 0 for any free one (see {@link #port()})
     */
    public static InkanHttpServer start(WebUseCases useCases, WebSettings settings, RateLimitBuckets buckets, String host,
                                        int port) {
        return start(useCases, settings, buckets, host, port, Optional.empty());
    }

    /**
     * Starts the API, and with {@code management} a listener of its own for {@code GET /metrics}.
     *
     * @param port the port, or 0 for any free one (see {@link #port()})
     * @param management where to serve the metrics, or empty for nowhere
     * @throws IllegalStateException when the management listener cannot listen (its port taken, say);
     *     the API is stopped again
     */
    public static InkanHttpServer start(WebUseCases useCases, WebSettings settings, RateLimitBuckets buckets, String host,
                                        int port, Optional<ManagementListener> management) {
        Objects.requireNonNull(useCases, "useCases");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(buckets, "buckets");
        Objects.requireNonNull(management, "management");
        WebMetrics metrics = new WebMetrics(useCases.eventCounts());
        Javalin javalin = Javalin.create(config -> configure(config, useCases, settings, buckets, metrics)).start(host, port);
        try {
            return new InkanHttpServer(javalin, management.map(listener -> startManagement(metrics, listener)));
        } catch (RuntimeException e) {
            javalin.stop();
            throw e;
        }
    }

    /** Sets up routes, JSON, limits, headers and error mapping on a Javalin configuration. */
    static void configure(JavalinConfig config, WebUseCases useCases, WebSettings settings, RateLimitBuckets buckets,
                          WebMetrics metrics) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = JsonBodies.MAX_BODY_BYTES;
        config.http.prefer405over404 = true;
        config.jsonMapper(new JavalinJackson(JsonBodies.MAPPER, false));
        // Room for an 8 KiB token plus ordinary headers, so the token's own limit answers first (401).
        config.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(MAX_HEADER_BYTES);
            // Jetty keeps a cache of header fields per connection, about 100 KB each: a flood of
            // connections would fill a small heap with them. Without it a header costs a little more.
            http.setHeaderCacheSize(0);
        });
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(new JettyProblemErrorHandler());
            server.setHandler(new PasswordRouteLimit(settings.passwordRequestsAtOnce())); // Javalin puts its handler inside
        });

        if (!settings.corsOrigins().isEmpty()) {
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                settings.corsOrigins().forEach(origin -> rule.allowHost(origin));
                rule.allowCredentials = true;
                rule.exposeHeader("Retry-After");
            }));
        }
        AuthHandlers handlers = new AuthHandlers(useCases, settings, buckets, metrics, "");
        config.routes.before(InkanRoutes::secureHeaders);
        config.requestLogger.http((ctx, millis) -> RequestIds.logCompleted(ctx, millis, metrics));
        InkanRoutes.mount(config.routes, "", handlers);
        // Open revocation streams end first, so that the stop need not wait for them.
        config.events.serverStopping(handlers.revocationStream()::closeAll);
        config.routes.get("/health", handlers::health);
        PageResources.register(config.routes);
        ProblemResponses.registerInkanErrors(config.routes, metrics);
        ProblemResponses.registerServerErrors(config.routes);
    }

    /** {@code GET /metrics} alone, with the API's problem+json for everything else; a few threads are plenty for scrapes. */
    private static Javalin startManagement(WebMetrics metrics, ManagementListener listener) {
        Javalin management = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            QueuedThreadPool threads = new QueuedThreadPool(16, 1);
            threads.setName("inkan-management");
            config.jetty.threadPool = threads;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblemErrorHandler()));
            config.routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store"));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
            ProblemResponses.registerServerErrors(config.routes);
        });
        try {
            return management.start(listener.host(), listener.port());
        } catch (JavalinBindException e) {
            management.stop();
            throw new IllegalStateException("the management listener cannot listen on " + listener.host() + ":" + listener.port()
                    + " (is the port taken, or the host not an address of this machine?)", e);
        }
    }

    /** @return every registered route as "METHOD /path", for checking the API description against */
    java.util.Set<String> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** @return the port the server listens on */
    public int port() {
        return javalin.port();
    }

    /** @return the port the management listener ({@code GET /metrics}) listens on, if there is one */
    public OptionalInt managementPort() {
        return management.map(listener -> OptionalInt.of(listener.port())).orElse(OptionalInt.empty());
    }

    /** Stops the server and its management listener; requests in flight are finished first. */
    @Override
    public void close() {
        try {
            javalin.stop();
        } finally {
            management.ifPresent(Javalin::stop);
        }
    }
}

package dev.inkan.adapter.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import java.util.Objects;

/** Inkan's HTTP API as a Javalin server: the routes of DESIGN.md, strict JSON, problem+json errors. */
public final class InkanHttpServer implements AutoCloseable {

    /** Scripts and styles from Inkan itself only; no framing, no plugins, no inline code. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /** Request headers larger than this are refused by Jetty with 431. */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    private final Javalin javalin;

    private InkanHttpServer(Javalin javalin) {
        this.javalin = javalin;
    }

    /**
     * Starts the API on {@code host}:{@code port}.
     *
     * @param port the port, or 0 for any free one (see {@link #port()})
     */
    public static InkanHttpServer start(WebUseCases useCases, WebSettings settings, String host, int port) {
        return start(useCases, settings, RateLimitBuckets.inMemory(), host, port);
    }

    /**
     * Starts the API with rate-limit buckets kept in {@code buckets} (shared by several instances).
     *
     * @param port the port, or 0 for any free one (see {@link #port()})
     */
    public static InkanHttpServer start(WebUseCases useCases, WebSettings settings, RateLimitBuckets buckets, String host,
                                        int port) {
        Objects.requireNonNull(useCases, "useCases");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(buckets, "buckets");
        Javalin javalin = Javalin.create(config -> configure(config, useCases, settings, buckets)).start(host, port);
        return new InkanHttpServer(javalin);
    }

    /** Sets up routes, JSON, limits, headers and error mapping on a Javalin configuration. */
    static void configure(JavalinConfig config, WebUseCases useCases, WebSettings settings, RateLimitBuckets buckets) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = JsonBodies.MAX_BODY_BYTES;
        config.http.prefer405over404 = true;
        config.jsonMapper(new JavalinJackson(JsonBodies.MAPPER, false));
        // Room for an 8 KiB token plus ordinary headers, so the token's own limit answers first (401).
        config.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_HEADER_BYTES));
        config.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblemErrorHandler()));

        if (!settings.corsOrigins().isEmpty()) {
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                settings.corsOrigins().forEach(origin -> rule.allowHost(origin));
                rule.allowCredentials = true;
                rule.exposeHeader("Retry-After");
            }));
        }
        WebMetrics metrics = new WebMetrics();
        AuthHandlers handlers = new AuthHandlers(useCases, settings, buckets, metrics, "");
        config.routes.before(InkanRoutes::secureHeaders);
        config.requestLogger.http((ctx, millis) -> RequestIds.logCompleted(ctx, millis, metrics));
        InkanRoutes.mount(config.routes, "", handlers);
        config.routes.get("/health", handlers::health);
        PageResources.register(config.routes);
        config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        ProblemResponses.registerInkanErrors(config.routes, metrics);
        ProblemResponses.registerServerErrors(config.routes);
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

    /** Stops the server; requests in flight are finished first. */
    @Override
    public void close() {
        javalin.stop();
    }
}

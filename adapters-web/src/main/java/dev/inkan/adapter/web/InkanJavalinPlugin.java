package dev.inkan.adapter.web;

import dev.inkan.domain.Role;
import io.javalin.config.JavalinState;
import io.javalin.plugin.Plugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Inkan inside a host's Javalin 7: mounts Inkan's routes under a prefix and protects the host's
 * own routes. A protected route answers 401 (problem+json, {@code WWW-Authenticate: Bearer})
 * without a good access token; with one, its handler finds the caller in {@link InkanPrincipal#of}.
 *
 * <pre>{@code
 * Javalin.create(config -> {
 *     config.registerPlugin(new InkanJavalinPlugin(useCases, inkan -> {
 *         inkan.prefix = "/inkan";
 *         inkan.protect("/api/*");
 *     }));
 *     config.routes.get("/api/hello", ctx -> ctx.result("hello " + InkanPrincipal.of(ctx).userId()));
 * });
 * }</pre>
 */
public final class InkanJavalinPlugin extends Plugin<InkanJavalinPlugin.Config> {

    private final WebUseCases useCases;

    /**
     * @param useCases Inkan's use cases, for example from {@code Inkan.webUseCases()}
     * @param configure sets the prefix, the protected paths and the edge settings
     */
    public InkanJavalinPlugin(WebUseCases useCases, Consumer<Config> configure) {
        super(configure, new Config());
        this.useCases = Objects.requireNonNull(useCases, "useCases");
    }

    @Override
    public void onStart(JavalinState state) {
        Config config = pluginConfig;
        WebMetrics metrics = new WebMetrics(useCases.eventCounts());
        AuthHandlers handlers = new AuthHandlers(useCases, config.settings, config.rateLimitBuckets, metrics, config.prefix);
        state.routes.before(config.prefix + "/*", InkanRoutes::secureHeaders);
        InkanRoutes.mount(state.routes, config.prefix, handlers);
        state.events.serverStopping(handlers.revocationStream()::closeAll);
        for (String path : config.protectedPaths) {
            state.routes.before(path, ctx -> ctx.attribute(InkanPrincipal.ATTRIBUTE,
                    InkanPrincipal.from(handlers.authentication().claims(ctx))));
        }
        for (RoleRule rule : config.roleRules) {
            state.routes.before(rule.path(), ctx -> ctx.attribute(InkanPrincipal.ATTRIBUTE,
                    InkanPrincipal.from(handlers.authentication().claimsWithRole(ctx, rule.role()))));
        }
        ProblemResponses.registerInkanErrors(state.routes, metrics);
    }

    @Override
    public String name() {
        return "inkan";
    }

    /** The plugin's settings. */
    public static final class Config {

        /** Where Inkan's routes go: {@code prefix + "/auth/login"} and so on. Empty for the root. */
        public String prefix = "/inkan";
        /**
         * Token transport, CORS, abuse limits and trusted proxies, as the standalone server has them.
         * Behind a load balancer, {@code settings = settings.withTrustedProxies(TrustedProxies.parse("10.0.0.0/8"))}
         * counts the limits per client instead of per balancer.
         */
        public WebSettings settings = WebSettings.defaults();
        /** Where the abuse limits count; shared when several hosts share a database. */
        public RateLimitBuckets rateLimitBuckets = RateLimitBuckets.inMemory();
        private final List<String> protectedPaths = new ArrayList<>();
        private final List<RoleRule> roleRules = new ArrayList<>();

        /**
         * Protects host routes: each path (Javalin syntax, {@code "/api/*"}) then needs a good access token.
         *
         * @return this configuration
         */
        public Config protect(String... paths) {
            protectedPaths.addAll(List.of(paths));
            return this;
        }

        /**
         * Protects host routes by role: each path (Javalin syntax) then needs a good access token
         * whose {@code roles} hold {@code role}. Without a token the answer is 401, as for
         * {@link #protect}; with one that lacks the role, 403 with {@code insufficient_scope}.
         *
         * @return this configuration
         * @throws IllegalArgumentException when {@code role} is not a role name
         */
        public Config requireRole(String role, String... paths) {
            Role checked = new Role(role);
            for (String path : paths) {
                roleRules.add(new RoleRule(checked.name(), Objects.requireNonNull(path, "path")));
            }
            return this;
        }
    }

    private record RoleRule(String role, String path) {
    }
}

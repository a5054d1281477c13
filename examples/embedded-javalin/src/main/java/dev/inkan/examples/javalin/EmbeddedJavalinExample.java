package dev.inkan.examples.javalin;

import dev.inkan.adapter.web.InkanPrincipal;
import dev.inkan.bootstrap.Inkan;
import io.javalin.Javalin;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * A host application with a route of its own, {@code GET /api/hello}, protected by Inkan's plugin;
 * Inkan's routes live under {@code /inkan}.
 */
public final class EmbeddedJavalinExample {

    private EmbeddedJavalinExample() {
    }

    /** Starts the host on {@code port} (0: any free one) and returns it with its Inkan, both to be closed. */
    public static Running start(int port) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Inkan inkan = Inkan.builder()
                .jdbcUrl("jdbc:h2:mem:host-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "")
                .secret(key)
                .build();
        Javalin host = Javalin.create(config -> {
            config.registerPlugin(inkan.javalinPlugin(plugin -> {
                plugin.prefix = "/inkan";
                plugin.protect("/api/*");
            }));
            config.routes.get("/api/hello", ctx -> ctx.result("hello, user " + InkanPrincipal.of(ctx).userId()));
        }).start("127.0.0.1", port);
        return new Running(host, inkan);
    }

    public static void main(String[] args) {
        Running running = start(args.length > 0 ? Integer.parseInt(args[0]) : 7070);
        Runtime.getRuntime().addShutdownHook(new Thread(running::close));
    }

    /** The host and its Inkan. */
    public record Running(Javalin host, Inkan inkan) implements AutoCloseable {
        @Override
        public void close() {
            host.stop();
            inkan.close();
        }
    }
}

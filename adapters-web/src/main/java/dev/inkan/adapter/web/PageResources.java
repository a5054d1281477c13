package dev.inkan.adapter.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Inkan's static resources: the page (four files, no build step, no inline code) and the OpenAPI document. */
final class PageResources {

    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "account.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8");

    private PageResources() {
    }

    static void register(RoutesConfig routes) {
        routes.get("/", ctx -> serve(ctx, "index.html"));
        // The links in Inkan's mail open the page, which reads the token from the query.
        routes.get("/verify-email", ctx -> serve(ctx, "index.html"));
        routes.get("/password-reset", ctx -> serve(ctx, "index.html"));
        routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(resource("openapi.json")));
        routes.get("/page/{file}", ctx -> serve(ctx, ctx.pathParam("file")));
    }

    private static void serve(Context ctx, String file) {
        String contentType = FILES.get(file);
        if (contentType == null) {
            throw new NotFoundResponse();
        }
        ctx.contentType(contentType).result(resource("page/" + file));
    }

    private static byte[] resource(String name) {
        try (InputStream in = PageResources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new NotFoundResponse();
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.inkan.adapter.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** Inkan's page: three static files from the class path, no build step, no inline code. */
final class PageResources {

    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8");

    private PageResources() {
    }

    static void register(RoutesConfig routes) {
        routes.get("/", ctx -> serve(ctx, "index.html"));
        routes.get("/page/{file}", ctx -> serve(ctx, ctx.pathParam("file")));
    }

    private static void serve(Context ctx, String file) {
        String contentType = FILES.get(file);
        if (contentType == null) {
            throw new NotFoundResponse();
        }
        try (InputStream in = PageResources.class.getResourceAsStream("page/" + file)) {
            if (in == null) {
                throw new NotFoundResponse();
            }
            ctx.contentType(contentType).result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.openoms.app.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The web dashboard: {@code GET /ui/} and its assets, read from the jar's {@code ui/} folder. Open (the
 * page signs in with an API key itself, and makes no API call before). Every answer carries a Content
 * Security Policy that lets the page reach its own origin only, so no asset or request can go elsewhere.
 */
public final class DashboardRoutes implements HttpRoutes {
    static final String PATH = "/ui/";
    private static final String ROOT = "ui/";
    /** File names the dashboard uses; anything else (a "..", an odd character) is a 404, never a file read. */
    private static final Pattern ASSET = Pattern.compile("([a-z0-9-]+/)*[A-Za-z0-9-]+(\\.[A-Za-z0-9]+)+");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; connect-src 'self'; "
            // uPlot sizes its elements through their style attribute
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    @Override
    public void addTo(RoutesConfig routes) {
        // Javalin matches "/ui" and "/ui/" alike; the page's relative asset paths need the slash.
        routes.get(PATH, ctx -> {
            if (ctx.path().endsWith("/")) {
                serve(ctx, "index.html");
            } else {
                ctx.redirect(PATH, HttpStatus.MOVED_PERMANENTLY);
            }
        });
        routes.get(PATH + "<asset>", ctx -> serve(ctx, ctx.pathParam("asset")));
    }

    private static void serve(Context ctx, String asset) {
        String extension = asset.substring(asset.lastIndexOf('.') + 1);
        String type = TYPES.get(extension);
        if (!ASSET.matcher(asset).matches() || type == null) {
            throw ApiException.notFound("no such dashboard file: " + PATH + asset);
        }
        InputStream in = DashboardRoutes.class.getClassLoader().getResourceAsStream(ROOT + asset);
        if (in == null) {
            throw ApiException.notFound("no such dashboard file: " + PATH + asset);
        }
        try (in) {
            ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer")
                    // Assets change with the jar; revalidating is cheap on localhost and avoids a stale page.
                    .header("Cache-Control", "no-cache")
                    .contentType(type)
                    .result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

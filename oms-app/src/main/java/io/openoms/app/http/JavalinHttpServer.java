package io.openoms.app.http;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.json.JsonMapper;
import io.openoms.app.config.HttpConfig;
import io.openoms.app.runtime.HttpService;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Javalin server: binds {@code http.host}:{@code http.port}, serves every bound {@link HttpRoutes}
 * group, answers unknown paths and failures with one JSON error shape ({@code code}, {@code message},
 * {@code details}) and never a stack trace.
 */
public final class JavalinHttpServer implements HttpService {
    private static final Logger LOG = LoggerFactory.getLogger(JavalinHttpServer.class);

    private final HttpConfig config;
    private final Set<HttpRoutes> routes;
    private final JsonMapper jsonMapper;
    private final Object lifecycle = new Object();
    private Javalin app;

    @Inject
    public JavalinHttpServer(HttpConfig config, Set<HttpRoutes> routes, JsonMapper jsonMapper) {
        this.config = requireNonNull(config, "config is null");
        this.routes = Set.copyOf(requireNonNull(routes, "routes is null"));
        this.jsonMapper = requireNonNull(jsonMapper, "jsonMapper is null");
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (app != null) {
                throw new IllegalStateException("the HTTP server was already started");
            }
            Javalin created = Javalin.create(javalin -> {
                javalin.startup.showJavalinBanner = false;
                javalin.startup.showOldJavalinVersionWarning = false;
                javalin.jetty.host = config.host();
                javalin.jetty.port = config.port();
                javalin.jsonMapper(jsonMapper);
                javalin.routes.error(404, ctx -> {
                    // A route that answered 404 with its own JSON keeps it; Javalin's plain-text default is replaced.
                    String type = ctx.res().getContentType();
                    if (type == null || !type.contains("json")) {
                        ctx.json(ErrorBody.of("NOT_FOUND", "no such resource: " + ctx.method() + " " + ctx.path()));
                    }
                });
                javalin.routes.exception(Exception.class, (e, ctx) -> {
                    LOG.error("HTTP {} {} failed", ctx.method(), ctx.path(), e);
                    ctx.status(500).json(ErrorBody.of("INTERNAL_ERROR", "the server failed to answer; see its log"));
                });
                routes.forEach(group -> group.addTo(javalin.routes));
            });
            try {
                created.start();
            } catch (RuntimeException e) {
                created.stop();
                throw new IllegalStateException(
                        "cannot listen on " + config.host() + ":" + config.port() + " (http.host, http.port): "
                                + rootMessage(e),
                        e);
            }
            app = created;
            LOG.info("HTTP listening on http://{}:{}", config.host(), created.port());
        }
    }

    @Override
    public int port() {
        synchronized (lifecycle) {
            if (app == null) {
                throw new IllegalStateException("the HTTP server is not running");
            }
            return app.port();
        }
    }

    @Override
    public void stop() {
        synchronized (lifecycle) {
            if (app != null) {
                routes.forEach(HttpRoutes::stopping);
                app.stop();
                app = null;
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /** The one error shape of every endpoint. */
    record ErrorBody(String code, String message, Map<String, Object> details) {
        static ErrorBody of(String code, String message) {
            return new ErrorBody(code, message, Map.of());
        }
    }
}

package io.openoms.app.http;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JsonMapper;
import io.openoms.adapters.persistence.DatabaseUnavailableException;
import io.openoms.app.config.HttpConfig;
import io.openoms.app.runtime.HttpService;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Javalin server: binds {@code http.host}:{@code http.port}, serves every bound {@link HttpRoutes}
 * group, answers unknown paths and failures with one JSON error shape ({@code code}, {@code message},
 * {@code details}) and never a stack trace: a database that cannot be reached is 503 {@code
 * DATABASE_UNAVAILABLE}, anything else unexpected 500 {@code INTERNAL_ERROR}.
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
                // Requests Jetty refuses before routing (431, bad percent-encoding) get the JSON error shape too.
                javalin.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
                javalin.routes.error(404, ctx -> {
                    // A route that answered 404 with its own JSON keeps it; Javalin's plain-text default is replaced.
                    String type = ctx.res().getContentType();
                    if (type == null || !type.contains("json")) {
                        ctx.json(ErrorBody.of("NOT_FOUND", "no such resource: " + ctx.method() + " " + ctx.path()));
                    }
                });
                javalin.routes.exception(Exception.class, (e, ctx) -> {
                    Optional<String> request = describe(ctx);
                    if (request.isEmpty()) {
                        // The exchange is already over (an event stream whose server is stopping): nothing can be
                        // answered, and touching the recycled request again would throw into this handler in a loop.
                        LOG.debug("an HTTP exchange that had already ended failed; nothing to answer", e);
                        return;
                    }
                    Optional<DatabaseUnavailableException> database = databaseUnavailable(e);
                    if (database.isPresent()) {
                        // An outage, not a bug: the pool reconnects by itself once the database is back.
                        LOG.warn("HTTP {}: {}", request.get(), database.get().getMessage());
                        ctx.status(503)
                                .json(ErrorBody.of(
                                        "DATABASE_UNAVAILABLE",
                                        "the database is unavailable; retry shortly (GET /health/ready shows when it"
                                                + " is back)"));
                        return;
                    }
                    LOG.error("HTTP {} failed", request.get(), e);
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

    /** "METHOD path", or empty when Jetty has already recycled the exchange and its request is gone. */
    private static Optional<String> describe(Context ctx) {
        try {
            // A webhook's path holds its secret token: never logged.
            return Optional.of(ctx.method() + " " + WebhookRoutes.redact(ctx.path()));
        } catch (RuntimeException recycled) {
            return Optional.empty();
        }
    }

    private static Optional<DatabaseUnavailableException> databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseUnavailableException unavailable) {
                return Optional.of(unavailable);
            }
        }
        return Optional.empty();
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

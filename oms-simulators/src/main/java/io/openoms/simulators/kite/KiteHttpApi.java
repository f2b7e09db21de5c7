package io.openoms.simulators.kite;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.openoms.adapters.broker.mock.SimulatedVenue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST half of the simulator on Javalin (Jetty), bound to loopback. Every request but the login
 * needs {@code X-Kite-Version: 3} and, but the login and logout, {@code Authorization: token
 * api_key:access_token}. Routing is by hand, in Kite's order of checks (version, injected fault,
 * session, then the route), so a wrong token answers 403 even on a path that does not exist. A held
 * reply occupies one Jetty thread only.
 */
final class KiteHttpApi {
    private static final Logger LOG = LoggerFactory.getLogger(KiteHttpApi.class);
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final List<HandlerType> METHODS =
            List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final KiteSimulatorConfig config;
    private final KiteBook book;
    private final KiteSessions sessions;
    private final KiteFaults faults;
    private final SimulatedVenue venue;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private Javalin server;

    KiteHttpApi(
            KiteSimulatorConfig config, KiteBook book, KiteSessions sessions, KiteFaults faults, SimulatedVenue venue) {
        this.config = requireNonNull(config, "config is null");
        this.book = requireNonNull(book, "book is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.faults = requireNonNull(faults, "faults is null");
        this.venue = requireNonNull(venue, "venue is null");
    }

    void start() {
        server = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.jetty.host = InetAddress.getLoopbackAddress().getHostAddress();
            javalin.jetty.port = config.port();
            // the instruments dump is gzipped by hand, as Kite does; nothing else is compressed
            javalin.http.compressionStrategy = CompressionStrategy.NONE;
            for (HandlerType method : METHODS) {
                javalin.routes.addHttpHandler(method, "/", this::handle);
                javalin.routes.addHttpHandler(method, "/<path>", this::handle);
            }
        });
        server.start();
    }

    int port() {
        return server.port();
    }

    void stop() {
        stopping.countDown();
        if (server != null) {
            server.stop();
        }
    }

    private void handle(Context ctx) {
        try {
            try {
                send(ctx, route(ctx));
            } catch (KiteApiException e) {
                send(ctx, Reply.error(e.error()));
            } catch (ReplyLostException e) {
                loseReply(ctx, e);
            } catch (RuntimeException e) {
                LOG.error("The Kite simulator failed on {} {}", ctx.method(), ctx.path(), e);
                send(ctx, Reply.error(KiteError.general("Simulator error: " + e.getMessage())));
            }
        } catch (IOException e) {
            LOG.debug("Could not answer {} {}", ctx.method(), ctx.path(), e);
        }
    }

    private Reply route(Context exchange) {
        String method = exchange.method().name();
        String[] path = exchange.path().replaceAll("/+$", "").split("/");
        KiteForms query = KiteForms.parse(exchange.queryString());
        if (path.length < 2) {
            throw new KiteApiException(KiteError.of(404, "GeneralException", "Route not found"));
        }
        String version = exchange.header("X-Kite-Version");
        if (!"3".equals(version)) {
            throw new KiteApiException(KiteError.input("Missing or invalid `X-Kite-Version` header: send 3"));
        }
        boolean session = path.length == 3 && path[1].equals("session") && path[2].equals("token");
        if (session && method.equals("POST")) {
            return Reply.json(KiteJson.success(sessions.login(form(exchange), venue.now())));
        }
        Optional<KiteError> injected = faults.takeRequestError();
        if (injected.isPresent()) {
            throw new KiteApiException(injected.get());
        }
        if (session && method.equals("DELETE")) {
            return Reply.json(KiteJson.success(sessions.logout(query)));
        }
        sessions.authorize(exchange.header("Authorization"));
        String resource = path[1];
        switch (resource) {
            case "user" -> {
                if (method.equals("GET") && path.length == 3 && path[2].equals("profile")) {
                    return Reply.json(KiteJson.success(sessions.profile()));
                }
                if (method.equals("GET") && path.length == 3 && path[2].equals("margins")) {
                    return Reply.json(KiteJson.success(book.margins()));
                }
                if (method.equals("GET") && path.length == 4 && path[2].equals("margins")) {
                    Object segment = book.margins().get(path[3]);
                    if (segment == null) {
                        throw new KiteApiException(KiteError.input("Invalid segment `" + path[3] + "`"));
                    }
                    return Reply.json(KiteJson.success(segment));
                }
            }
            case "orders" -> {
                return orders(exchange, method, path);
            }
            case "trades" -> {
                if (method.equals("GET") && path.length == 2) {
                    return Reply.json(KiteJson.success(book.trades(Optional.empty())));
                }
            }
            case "portfolio" -> {
                if (method.equals("GET") && path.length == 3 && path[2].equals("positions")) {
                    return Reply.json(KiteJson.success(book.positions()));
                }
            }
            case "quote" -> {
                if (method.equals("GET") && path.length == 3 && path[2].equals("ltp")) {
                    return Reply.json(KiteJson.success(book.lastPrices(query.all("i"), false)));
                }
                if (method.equals("GET") && path.length == 2) {
                    return Reply.json(KiteJson.success(book.lastPrices(query.all("i"), true)));
                }
            }
            case "instruments" -> {
                if (method.equals("GET") && path.length <= 3) {
                    return Reply.csv(book.instrumentsCsv(path.length == 3 ? Optional.of(path[2]) : Optional.empty()));
                }
            }
            default -> {}
        }
        throw new KiteApiException(KiteError.of(404, "GeneralException", "Route not found"));
    }

    private Reply orders(Context exchange, String method, String[] path) {
        if (method.equals("GET")) {
            if (path.length == 2) {
                return Reply.json(KiteJson.success(book.orders()));
            }
            if (path.length == 3) {
                return Reply.json(KiteJson.success(book.history(path[2])));
            }
            if (path.length == 4 && path[3].equals("trades")) {
                return Reply.json(KiteJson.success(book.trades(Optional.of(path[2]))));
            }
        }
        if (method.equals("POST") && path.length == 3) {
            return orderId(book.place(path[2], form(exchange)));
        }
        if (method.equals("PUT") && path.length == 4) {
            return orderId(book.modify(path[2], path[3], form(exchange)));
        }
        if (method.equals("DELETE") && path.length == 4) {
            return orderId(book.cancel(path[2], path[3]));
        }
        throw new KiteApiException(KiteError.of(405, "GeneralException", "Method not allowed"));
    }

    private static Reply orderId(String orderId) {
        return Reply.json(KiteJson.success(Map.of("order_id", orderId)));
    }

    private static KiteForms form(Context exchange) {
        String type = exchange.header("Content-Type");
        if (type != null && !type.toLowerCase(Locale.ROOT).startsWith(FORM)) {
            throw new KiteApiException(KiteError.input("Send parameters as " + FORM + ", not " + type));
        }
        return KiteForms.parse(exchange.body());
    }

    private static void send(Context ctx, Reply reply) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        String encoding = ctx.header("Accept-Encoding");
        if (reply.contentType().startsWith("text/csv") && encoding != null && encoding.contains("gzip")) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(body);
            }
            body = zipped.toByteArray();
            ctx.header("Content-Encoding", "gzip");
        }
        ctx.status(reply.status()).contentType(reply.contentType()).result(body);
    }

    /**
     * Loses the reply: {@code HOLD} answers nothing until the hold time has passed (or the simulator
     * stops), then closes the connection; {@code DROP_CONNECTION} promises the whole reply, sends half,
     * and closes the connection.
     */
    private void loseReply(Context ctx, ReplyLostException lost) throws IOException {
        if (lost.how() == LostReply.HOLD) {
            try {
                stopping.await(config.replyHold().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeConnection(ctx);
            return;
        }
        byte[] body = lost.body().getBytes(StandardCharsets.UTF_8);
        ctx.status(200).contentType("application/json");
        ctx.res().setContentLength(body.length);
        OutputStream out = ctx.res().getOutputStream();
        out.write(body, 0, body.length / 2);
        out.flush();
        closeConnection(ctx);
    }

    /** Closes the TCP connection under the request at once, without completing the response. */
    private static void closeConnection(Context ctx) {
        ServletContextRequest.getServletContextRequest(ctx.req())
                .getConnectionMetaData()
                .getConnection()
                .getEndPoint()
                .close();
    }

    private record Reply(int status, String contentType, String body) {
        static Reply json(String body) {
            return new Reply(200, "application/json", body);
        }

        static Reply csv(String body) {
            return new Reply(200, "text/csv", body);
        }

        static Reply error(KiteError error) {
            return error.html()
                    ? new Reply(error.httpStatus(), "text/html", error.message())
                    : new Reply(error.httpStatus(), "application/json", KiteJson.error(error));
        }
    }
}

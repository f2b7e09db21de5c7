package io.openoms.simulators.kite;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.websocket.WsContext;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order-update stream: a WebSocket on Javalin (Jetty), bound to loopback. A handshake must carry
 * {@code api_key} and {@code access_token} of a live session in its query, else it is refused with
 * HTTP 403 (503 while the stream refuses connections). The server sends text and binary frames; Jetty
 * answers the client's pings and close frames, and what the client sends is ignored. Nothing is
 * replayed to a new connection. Sends are asynchronous and queued per connection in the order they
 * were handed over, so a slow client never blocks the simulator.
 */
final class KiteStreamServer {
    private static final Logger LOG = LoggerFactory.getLogger(KiteStreamServer.class);
    private static final String CONNECTION = KiteStreamServer.class.getName() + ".connection";

    private final int configuredPort;
    private final BiPredicate<String, String> authorized;
    private final BooleanSupplier refusing;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private Javalin server;

    KiteStreamServer(int port, BiPredicate<String, String> authorized, BooleanSupplier refusing) {
        this.configuredPort = port;
        this.authorized = requireNonNull(authorized, "authorized is null");
        this.refusing = requireNonNull(refusing, "refusing is null");
    }

    void start() {
        server = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.jetty.host = InetAddress.getLoopbackAddress().getHostAddress();
            javalin.jetty.port = configuredPort;
            javalin.routes.wsBeforeUpgrade("/", this::admit);
            javalin.routes.ws("/", ws -> {
                ws.onConnect(ctx -> connectionOf(ctx).open(ctx.session));
                ws.onClose(ctx -> closed(ctx));
                ws.onError(ctx -> closed(ctx));
            });
        });
        server.start();
    }

    int port() {
        return server.port();
    }

    int connections() {
        return connections.size();
    }

    /** Text frames handed to each open connection so far, oldest connection first. */
    List<Long> textFramesPerConnection() {
        return connections.stream().map(Connection::textFrames).toList();
    }

    void stop() {
        dropAll();
        if (server != null) {
            server.stop();
        }
    }

    void sendText(String text) {
        connections.forEach(connection -> connection.sendText(text));
    }

    void sendBinary(byte[] payload) {
        connections.forEach(connection -> connection.sendBinary(payload.clone()));
    }

    /** Closes every connection without a close frame, as a network drop does. */
    void dropAll() {
        for (Connection connection : connections) {
            connections.remove(connection);
            connection.drop();
        }
    }

    /**
     * Admits a handshake, or refuses it with an HTTP status. The connection takes frames from here on,
     * before the handshake is answered, and sends them once open: a client that sees the stream open
     * has missed nothing sent after that.
     */
    private void admit(Context ctx) {
        KiteForms query = KiteForms.parse(ctx.queryString());
        if (refusing.getAsBoolean()) {
            throw new HttpResponseException(503, "Service Unavailable");
        }
        if (!authorized.test(
                query.get("api_key").orElse(""), query.get("access_token").orElse(""))) {
            throw new HttpResponseException(403, "Forbidden");
        }
        Connection connection = new Connection();
        connections.add(connection);
        ctx.attribute(CONNECTION, connection);
    }

    private static Connection connectionOf(WsContext ctx) {
        return requireNonNull(ctx.attribute(CONNECTION), "a stream connection was not admitted");
    }

    private void closed(WsContext ctx) {
        Connection connection = ctx.attribute(CONNECTION);
        if (connection != null) {
            connections.remove(connection);
            connection.drop();
        }
    }

    /** One client: frames wait here until its session is open, then go out in the order handed over. */
    private static final class Connection {
        private final AtomicLong textFrames = new AtomicLong();
        private final List<Object> waiting = new ArrayList<>();
        private Session session;
        private boolean dropped;

        long textFrames() {
            return textFrames.get();
        }

        synchronized void open(Session opened) {
            if (dropped) {
                opened.disconnect();
                return;
            }
            session = opened;
            waiting.forEach(this::write);
            waiting.clear();
        }

        synchronized void sendText(String text) {
            textFrames.incrementAndGet();
            send(text);
        }

        synchronized void sendBinary(byte[] payload) {
            send(ByteBuffer.wrap(payload));
        }

        synchronized void drop() {
            dropped = true;
            waiting.clear();
            if (session != null) {
                session.disconnect();
            }
        }

        private void send(Object frame) {
            if (dropped) {
                return;
            }
            if (session == null) {
                waiting.add(frame);
            } else {
                write(frame);
            }
        }

        private void write(Object frame) {
            Callback logFailure = Callback.from(() -> {}, failure -> LOG.debug("A stream frame was not sent", failure));
            if (frame instanceof String text) {
                session.sendText(text, logFailure);
            } else {
                session.sendBinary((ByteBuffer) frame, logFailure);
            }
        }
    }
}

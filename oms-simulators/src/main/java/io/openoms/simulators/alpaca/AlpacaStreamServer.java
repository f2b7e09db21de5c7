package io.openoms.simulators.alpaca;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.websocket.WsContext;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code trade_updates} stream at {@code /stream}: the client sends {@code {"action":"auth",
 * "key":…,"secret":…}} (or the older {@code authenticate} with {@code key_id}/{@code secret_key}),
 * gets {@code {"stream":"authorization","data":{"status":"authorized"|"unauthorized",…}}}, then
 * {@code {"action":"listen","data":{"streams":["trade_updates"]}}} and {@code {"stream":"listening",…}};
 * from then on it receives updates. Frames are binary (as the paper endpoint sends them) or text,
 * as configured. Handshakes are refused with HTTP 503 while the stream is down.
 */
final class AlpacaStreamServer {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaStreamServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONNECTION = AlpacaStreamServer.class.getName() + ".connection";

    private final BiPredicate<String, String> authorized;
    private final BooleanSupplier refusing;
    private final boolean binaryFrames;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private Javalin server;

    AlpacaStreamServer(BiPredicate<String, String> authorized, BooleanSupplier refusing, boolean binaryFrames) {
        this.authorized = requireNonNull(authorized, "authorized is null");
        this.refusing = requireNonNull(refusing, "refusing is null");
        this.binaryFrames = binaryFrames;
    }

    void start() {
        server = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.startup.showOldJavalinVersionWarning = false;
            javalin.jetty.host = InetAddress.getLoopbackAddress().getHostAddress();
            javalin.jetty.port = 0;
            javalin.routes.wsBeforeUpgrade("/stream", this::admit);
            javalin.routes.ws("/stream", ws -> {
                ws.onConnect(ctx -> connectionOf(ctx).open(ctx.session));
                ws.onMessage(ctx -> connectionOf(ctx).received(ctx.message()));
                ws.onBinaryMessage(ctx -> connectionOf(ctx)
                        .received(StandardCharsets.UTF_8
                                .decode(ctx.data().duplicate())
                                .toString()));
                ws.onClose(this::closed);
                ws.onError(this::closed);
            });
        });
        server.start();
    }

    int port() {
        return server.port();
    }

    void stop() {
        dropAll();
        if (server != null) {
            server.stop();
        }
    }

    /** Sends {@code frame} to every listening connection. */
    void publish(String frame) {
        connections.forEach(connection -> connection.update(frame));
    }

    /** Update frames sent to each listening connection, oldest first. */
    List<Long> framesPerListeningConnection() {
        return connections.stream()
                .filter(Connection::listening)
                .map(Connection::frames)
                .toList();
    }

    /** Closes every connection without a close frame, as a network drop does. */
    void dropAll() {
        for (Connection connection : connections) {
            connections.remove(connection);
            connection.drop();
        }
    }

    private void admit(Context ctx) {
        if (refusing.getAsBoolean()) {
            throw new HttpResponseException(503, "Service Unavailable");
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

    private final class Connection {
        private Session session;
        private boolean authorizedNow;
        private boolean listening;
        private boolean dropped;
        private long frames;

        synchronized void open(Session opened) {
            if (dropped) {
                opened.disconnect();
                return;
            }
            session = opened;
        }

        synchronized boolean listening() {
            return listening;
        }

        synchronized long frames() {
            return frames;
        }

        synchronized void received(String text) {
            JsonNode message;
            try {
                message = JSON.readTree(text);
            } catch (Exception e) {
                write("{\"stream\":\"error\",\"data\":{\"error_message\":\"invalid JSON\"}}");
                return;
            }
            String action = message.path("action").asText("");
            if (action.equals("auth") || action.equals("authenticate")) {
                JsonNode data = message.path("data");
                String key = message.has("key")
                        ? message.path("key").asText("")
                        : data.path("key_id").asText("");
                String secret = message.has("secret")
                        ? message.path("secret").asText("")
                        : data.path("secret_key").asText("");
                authorizedNow = authorized.test(key, secret);
                write("{\"stream\":\"authorization\",\"data\":{\"status\":\""
                        + (authorizedNow ? "authorized" : "unauthorized") + "\",\"action\":\"authenticate\"}}");
                return;
            }
            if (action.equals("listen")) {
                if (!authorizedNow) {
                    write("{\"stream\":\"listening\",\"data\":{\"streams\":[],\"error\":\"not authorized\"}}");
                    return;
                }
                boolean wanted = false;
                for (JsonNode stream : message.path("data").path("streams")) {
                    wanted |= stream.asText().equals("trade_updates");
                }
                listening = wanted;
                write("{\"stream\":\"listening\",\"data\":{\"streams\":[" + (wanted ? "\"trade_updates\"" : "")
                        + "]}}");
            }
        }

        synchronized void update(String frame) {
            if (!listening || dropped) {
                return;
            }
            frames++;
            write(frame);
        }

        synchronized void drop() {
            dropped = true;
            listening = false;
            if (session != null) {
                session.disconnect();
            }
        }

        private void write(String frame) {
            if (session == null || dropped) {
                return;
            }
            Callback logFailure = Callback.from(() -> {}, failure -> LOG.debug("A stream frame was not sent", failure));
            if (binaryFrames) {
                session.sendBinary(ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)), logFailure);
            } else {
                session.sendText(frame, logFailure);
            }
        }
    }
}

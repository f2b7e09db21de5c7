package io.openoms.adapters.broker.zerodha;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.openoms.domain.port.in.BrokerUpdates;
import io.openoms.domain.port.out.BrokerOrder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kite's order updates over its WebSocket ({@code <ws url>?api_key=…&access_token=…}).
 *
 * <ul>
 *   <li>Text frames {@code {"type":"order","data":{…}}} become {@link BrokerUpdates#orderUpdated},
 *       repeats dropped. They carry fill quantities but no trade ids, so no fill is made up here:
 *       the core fetches the trades. {@code error} and {@code message} frames are logged; an
 *       unreadable frame goes to {@link BrokerUpdates#malformedPayload} with secrets removed.
 *   <li>Binary frames are market data (ignored) or the 1-byte heartbeat; every frame proves the
 *       connection alive. No frame for {@code streamIdleTimeout} drops the connection.
 *   <li>After every connect, the first included, {@link BrokerUpdates#streamReconnected} tells
 *       the core to re-read the day's orders: Kite replays nothing.
 *   <li>A lost connection is retried after {@code streamInitialBackoff}, doubling up to
 *       {@code streamMaxBackoff}; without an authenticated session it waits the longest delay
 *       between checks (the token is part of the URL).
 * </ul>
 *
 * <p>Thread safety: safe from any thread. Callbacks run on OkHttp's threads, timers on the
 * given scheduler.
 */
public final class KiteOrderStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KiteOrderStream.class);
    private static final int REMEMBERED_UPDATES = 10_000;

    private final KiteConfig config;
    private final KiteSession session;
    private final BrokerUpdates updates;
    private final OkHttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final KiteOrderMapper mapper;
    private final RecentKeys seen = new RecentKeys(REMEMBERED_UPDATES);
    private final AtomicBoolean reconnectScheduled = new AtomicBoolean();
    private final Object lock = new Object();

    private WebSocket socket;
    private long generation;
    private int failedAttempts;
    private boolean connected;
    private boolean started;
    private boolean stopped;
    private Instant lastFrame;
    private long textFrames;
    private ScheduledFuture<?> watchdog;

    public KiteOrderStream(
            KiteConfig config,
            KiteSession session,
            KiteTagRegistry tags,
            BrokerUpdates updates,
            OkHttpClient http,
            ScheduledExecutorService scheduler,
            Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.session = requireNonNull(session, "session is null");
        this.updates = requireNonNull(updates, "updates is null");
        this.http = requireNonNull(http, "http is null")
                .newBuilder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(Duration.ZERO)
                .callTimeout(Duration.ZERO)
                .build();
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.mapper = new KiteOrderMapper(config, requireNonNull(tags, "tags is null"), clock);
    }

    /** Connects now and keeps the connection alive until {@link #close()}. */
    public void start() {
        synchronized (lock) {
            if (started) {
                return;
            }
            started = true;
            long period = Math.max(1, config.streamIdleTimeout().toMillis() / 2);
            watchdog = scheduler.scheduleAtFixedRate(this::checkLiveness, period, period, TimeUnit.MILLISECONDS);
        }
        scheduler.execute(this::connect);
    }

    @Override
    public void close() {
        WebSocket current;
        synchronized (lock) {
            stopped = true;
            connected = false;
            current = socket;
            socket = null;
            generation++;
            if (watchdog != null) {
                watchdog.cancel(false);
            }
        }
        if (current != null) {
            current.close(1000, "closing");
        }
    }

    public boolean isConnected() {
        synchronized (lock) {
            return connected;
        }
    }

    /**
     * Text frames handled since the current connection opened (handed to the updates, or dropped as
     * repeats or as frames of no interest); 0 while disconnected. Beside the number of frames Kite
     * sent on the connection it tells whether every update sent so far has reached the core.
     */
    public long framesSinceConnected() {
        synchronized (lock) {
            return connected ? textFrames : 0;
        }
    }

    /** The reconnect delay after {@code failedAttempts} failures in a row: doubling, capped. */
    Duration backoff(int failedAttempts) {
        Duration initial = config.streamInitialBackoff();
        Duration max = config.streamMaxBackoff();
        int doublings = Math.min(Math.max(0, failedAttempts - 1), 30);
        long millis = initial.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    /** Checks that a frame arrived within the idle timeout; drops the connection otherwise. */
    void checkLiveness() {
        WebSocket stale = null;
        synchronized (lock) {
            if (connected
                    && lastFrame != null
                    && Duration.between(lastFrame, clock.instant()).compareTo(config.streamIdleTimeout()) > 0) {
                LOG.warn("no frame from Kite's stream since {}; reconnecting", lastFrame);
                stale = socket;
            }
        }
        if (stale != null) {
            stale.cancel();
        }
    }

    private void connect() {
        reconnectScheduled.set(false);
        long mine;
        synchronized (lock) {
            if (stopped || socket != null) {
                return;
            }
            mine = ++generation;
        }
        Optional<String> token = session.accessToken();
        if (token.isEmpty()) {
            LOG.warn("Kite order stream waits for a login: {}", session.health().detail());
            scheduleReconnect(config.streamMaxBackoff());
            return;
        }
        Request request = new Request.Builder()
                .url(url(token.get()))
                .header("X-Kite-Version", "3")
                .build();
        // Held while the socket is created and recorded: a handshake that fails at once (its callback
        // waits for the lock, or ran already on this thread) must not leave a dead socket recorded,
        // which would make every later connect() return early and the stream never come back.
        WebSocket created;
        Listener listener = new Listener(mine);
        synchronized (lock) {
            created = http.newWebSocket(request, listener);
            if (generation == mine && !stopped && !listener.ended) {
                socket = created;
                return;
            }
        }
        created.cancel();
    }

    private HttpUrl url(String accessToken) {
        String ws = config.wsUrl().toString();
        String http = ws.regionMatches(true, 0, "wss:", 0, 4) ? "https:" + ws.substring(4) : "http:" + ws.substring(3);
        return HttpUrl.get(http)
                .newBuilder()
                .addQueryParameter("api_key", config.apiKey())
                .addQueryParameter("access_token", accessToken)
                .build();
    }

    private void scheduleReconnect(Duration delay) {
        synchronized (lock) {
            if (stopped) {
                return;
            }
        }
        if (reconnectScheduled.compareAndSet(false, true)) {
            scheduler.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void lost(Listener listener, String why) {
        long mine = listener.mine;
        Duration delay;
        synchronized (lock) {
            listener.ended = true;
            if (mine != generation || stopped) {
                return;
            }
            socket = null;
            connected = false;
            failedAttempts++;
            delay = backoff(failedAttempts);
        }
        LOG.warn("Kite order stream lost ({}); reconnecting in {}", why, delay);
        scheduleReconnect(delay);
    }

    void handleText(String raw) {
        JsonNode frame;
        try {
            frame = KiteJson.parse(raw);
        } catch (KitePayloadException e) {
            malformed(raw, e.getMessage());
            return;
        }
        String type = KiteJson.text(frame, "type").orElse("").toLowerCase(Locale.ROOT);
        switch (type) {
            case "order" -> {
                JsonNode data = frame.get("data");
                BrokerOrder order;
                try {
                    order = mapper.order(data);
                } catch (KitePayloadException e) {
                    malformed(raw, "order update: " + e.getMessage());
                    return;
                }
                if (seen.firstTime(RecentKeys.orderUpdateKey(data))) {
                    updates.orderUpdated(KiteHttp.BROKER, order);
                } else {
                    LOG.debug("dropping a repeated Kite update of order {}", order.brokerOrderId());
                }
            }
            case "error" -> LOG.warn(
                    "Kite stream error: {}", session.redact(frame.path("data").asText()));
            case "message" -> LOG.info(
                    "Kite broker message: {}", session.redact(frame.path("data").asText()));
            case "" -> malformed(raw, "a text frame without a type");
            default -> LOG.debug("ignoring a Kite text frame of type {}", KiteJson.abbreviate(type));
        }
    }

    private void malformed(String raw, String problem) {
        updates.malformedPayload(KiteHttp.BROKER, session.redact(raw), problem);
    }

    private final class Listener extends WebSocketListener {
        private final long mine;
        // Guarded by lock.
        private boolean ended;

        Listener(long mine) {
            this.mine = mine;
        }

        private boolean current() {
            synchronized (lock) {
                return mine == generation && !stopped;
            }
        }

        private void alive() {
            synchronized (lock) {
                if (mine == generation) {
                    lastFrame = clock.instant();
                }
            }
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            synchronized (lock) {
                if (mine != generation || stopped) {
                    webSocket.cancel();
                    return;
                }
                connected = true;
                failedAttempts = 0;
                textFrames = 0;
                lastFrame = clock.instant();
            }
            LOG.info("Kite order stream connected");
            updates.streamReconnected(KiteHttp.BROKER);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            if (!current()) {
                return;
            }
            alive();
            handleText(text);
            synchronized (lock) {
                if (mine == generation) {
                    textFrames++;
                }
            }
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            if (!current()) {
                return;
            }
            // A 1-byte frame is the heartbeat; longer ones are market ticks, which orders do not need.
            alive();
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            lost(this, "closed by Kite with code " + code);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
            String why = response != null
                    ? "handshake refused with HTTP " + response.code()
                    : failure.getClass().getSimpleName();
            lost(this, why);
        }
    }
}

package io.openoms.adapters.broker.alpaca;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.openoms.domain.port.in.BrokerUpdates;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerResult;
import io.openoms.domain.port.out.BrokerTrade;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alpaca's {@code trade_updates} stream over its WebSocket.
 *
 * <ul>
 *   <li>On open it authenticates ({@code {"action":"auth","key":…,"secret":…}}) and, once
 *       authorized, listens to {@code trade_updates}. Frames are text or binary (the paper
 *       endpoint sends binary); both are read as JSON.
 *   <li>{@code fill} and {@code partial_fill} become one {@link BrokerUpdates#tradeReported} per
 *       {@code execution_id} (repeats dropped) and the order's view; {@code new}, {@code canceled},
 *       {@code expired}, {@code rejected}, {@code done_for_day}, {@code pending_*} and the rest become
 *       {@link BrokerUpdates#orderUpdated}; {@code replaced} records the new order of the chain
 *       (see {@link AlpacaOrderChains}). An unreadable frame goes to
 *       {@link BrokerUpdates#malformedPayload} with the secret removed.
 *   <li>Once listening, the first time included, {@link BrokerUpdates#streamReconnected} tells the
 *       core to re-read the day's orders, and the adapter backfills: the orders updated since the
 *       last event it saw (a minute's overlap) and today's fills, handed in as updates (the core
 *       drops what it already holds). Alpaca replays nothing.
 *   <li>A lost connection, or an authorization refused, is retried after {@code
 *       streamInitialBackoff}, doubling up to {@code streamMaxBackoff}; OkHttp pings every {@code
 *       streamPingInterval} and drops a connection whose pong does not come.
 * </ul>
 *
 * <p>Thread safety: safe from any thread. Callbacks run on OkHttp's threads, backfills and timers on
 * the given scheduler.
 */
public final class AlpacaTradeStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlpacaTradeStream.class);
    private static final Duration BACKFILL_OVERLAP = Duration.ofMinutes(1);
    private static final int REMEMBERED_EXECUTIONS = 20_000;

    private final AlpacaConfig config;
    private final AlpacaBrokerGateway gateway;
    private final BrokerUpdates updates;
    private final OkHttpClient http;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean reconnectScheduled = new AtomicBoolean();
    private final AtomicInteger backfillsInFlight = new AtomicInteger();
    private final Object lock = new Object();
    private final Map<String, Boolean> executions = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_EXECUTIONS;
        }
    };

    private WebSocket socket;
    private long generation;
    private int failedAttempts;
    private boolean listening;
    private boolean started;
    private boolean stopped;
    private long updateFrames;
    private Optional<Instant> lastEvent = Optional.empty();

    public AlpacaTradeStream(
            AlpacaConfig config,
            AlpacaBrokerGateway gateway,
            BrokerUpdates updates,
            OkHttpClient http,
            ScheduledExecutorService scheduler) {
        this.config = requireNonNull(config, "config is null");
        this.gateway = requireNonNull(gateway, "gateway is null");
        this.updates = requireNonNull(updates, "updates is null");
        this.http = requireNonNull(http, "http is null")
                .newBuilder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(Duration.ZERO)
                .callTimeout(Duration.ZERO)
                .pingInterval(config.streamPingInterval())
                .build();
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
    }

    /** Connects now and keeps the connection alive until {@link #close()}. */
    public void start() {
        synchronized (lock) {
            if (started) {
                return;
            }
            started = true;
        }
        scheduler.execute(this::connect);
    }

    @Override
    public void close() {
        WebSocket current;
        synchronized (lock) {
            stopped = true;
            listening = false;
            current = socket;
            socket = null;
            generation++;
        }
        if (current != null) {
            current.close(1000, "closing");
        }
    }

    /** Authorized and listening to {@code trade_updates}. */
    public boolean isConnected() {
        synchronized (lock) {
            return listening;
        }
    }

    /**
     * Frames handled since the current connection started listening (updates, and frames that could
     * not be read); 0 while not listening. Beside the frames Alpaca sent it tells whether every
     * update has reached the core.
     */
    public long framesSinceConnected() {
        synchronized (lock) {
            return listening ? updateFrames : 0;
        }
    }

    /** Backfills started after a (re)connect and not yet done. */
    public int backfillsInFlight() {
        return backfillsInFlight.get();
    }

    /** The reconnect delay after {@code failedAttempts} failures in a row: doubling, capped. */
    Duration backoff(int failedAttempts) {
        int doublings = Math.min(Math.max(0, failedAttempts - 1), 30);
        long millis = config.streamInitialBackoff().toMillis() << doublings;
        Duration max = config.streamMaxBackoff();
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
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
        Request request = new Request.Builder()
                .url(httpUrl(config.streamUrl().toString()))
                .build();
        Listener listener = new Listener(mine);
        WebSocket created;
        synchronized (lock) {
            created = http.newWebSocket(request, listener);
            if (generation == mine && !stopped && !listener.ended) {
                socket = created;
                return;
            }
        }
        created.cancel();
    }

    private static String httpUrl(String ws) {
        return ws.regionMatches(true, 0, "wss:", 0, 4) ? "https:" + ws.substring(4) : "http:" + ws.substring(3);
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
        Duration delay;
        synchronized (lock) {
            if (listener.ended && listener.mine == generation && socket == null) {
                return; // already handled (an authorization refusal cancels, then the failure follows)
            }
            listener.ended = true;
            if (listener.mine != generation || stopped) {
                return;
            }
            socket = null;
            listening = false;
            failedAttempts++;
            delay = backoff(failedAttempts);
        }
        LOG.warn("Alpaca trade stream lost ({}); reconnecting in {}", why, delay);
        scheduleReconnect(delay);
    }

    /** One frame's text; returns whether it was a {@code trade_updates} frame. */
    boolean handle(Listener listener, WebSocket webSocket, String raw) {
        JsonNode frame;
        try {
            frame = AlpacaJson.parse(raw);
        } catch (AlpacaPayloadException e) {
            malformed(raw, e.getMessage());
            return false;
        }
        // Alpaca may wrap messages in a list
        if (frame.isArray()) {
            boolean any = false;
            for (JsonNode one : frame) {
                any |= handleMessage(listener, webSocket, one, AlpacaJson.write(one));
            }
            return any;
        }
        return handleMessage(listener, webSocket, frame, raw);
    }

    private boolean handleMessage(Listener listener, WebSocket webSocket, JsonNode frame, String raw) {
        String stream = AlpacaJson.text(frame, "stream").orElse("").toLowerCase(Locale.ROOT);
        JsonNode data = frame.path("data");
        switch (stream) {
            case "authorization" -> {
                String status = AlpacaJson.text(data, "status").orElse("");
                if (status.equals("authorized")) {
                    ObjectNode listen = AlpacaJson.object();
                    listen.put("action", "listen");
                    listen.putObject("data").putArray("streams").add("trade_updates");
                    webSocket.send(AlpacaJson.write(listen));
                } else {
                    LOG.error(
                            "Alpaca refused the stream's authorization ({}): check OMS_ALPACA_KEY_ID and"
                                    + " OMS_ALPACA_SECRET_KEY",
                            AlpacaJson.abbreviate(status));
                    webSocket.cancel();
                    lost(listener, "authorization " + status);
                }
                return false;
            }
            case "listening" -> {
                boolean tradeUpdates = false;
                for (JsonNode name : data.path("streams")) {
                    tradeUpdates |= name.asText().equals("trade_updates");
                }
                if (tradeUpdates) {
                    listening(listener);
                } else {
                    LOG.error("Alpaca did not grant the trade_updates stream");
                }
                return false;
            }
            case "trade_updates" -> {
                tradeUpdate(data, raw);
                return true;
            }
            default -> {
                if (frame.has("T") || frame.has("msg") || frame.has("error")) {
                    LOG.warn("Alpaca stream message: {}", gatewayRedact(raw));
                    return false;
                }
                malformed(raw, "a frame of no known stream");
                return false;
            }
        }
    }

    private void listening(Listener listener) {
        Optional<Instant> since;
        synchronized (lock) {
            if (listener.mine != generation || stopped) {
                return;
            }
            listening = true;
            failedAttempts = 0;
            updateFrames = 0;
            since = lastEvent;
        }
        LOG.info("Alpaca trade stream listening");
        updates.streamReconnected(AlpacaBrokerGateway.NAME);
        backfillsInFlight.incrementAndGet();
        try {
            scheduler.execute(() -> backfill(since));
        } catch (RuntimeException e) {
            backfillsInFlight.decrementAndGet();
            LOG.debug("no backfill: the stream is closing");
        }
    }

    /** The orders updated since {@code since} and today's fills, handed to the core (it drops repeats). */
    void backfill(Optional<Instant> since) {
        try {
            if (since.isPresent()) {
                BrokerResult<List<BrokerOrder>> orders =
                        gateway.ordersSince(since.get().minus(BACKFILL_OVERLAP));
                if (orders instanceof BrokerResult.Success<List<BrokerOrder>> success) {
                    success.value().forEach(order -> updates.orderUpdated(AlpacaBrokerGateway.NAME, order));
                } else {
                    LOG.warn("Alpaca backfill of orders left to the order monitor: {}", orders);
                }
            }
            BrokerResult<List<BrokerTrade>> trades = gateway.trades();
            if (trades instanceof BrokerResult.Success<List<BrokerTrade>> success) {
                for (BrokerTrade trade : success.value()) {
                    if (firstTime(trade.fill().tradeId().value())) {
                        updates.tradeReported(AlpacaBrokerGateway.NAME, trade);
                    }
                }
            } else {
                LOG.warn("Alpaca backfill of fills left to the order monitor: {}", trades);
            }
        } finally {
            backfillsInFlight.decrementAndGet();
        }
    }

    private void tradeUpdate(JsonNode data, String raw) {
        String event = AlpacaJson.text(data, "event").orElse("").toLowerCase(Locale.ROOT);
        JsonNode orderNode = data.get("order");
        if (event.isEmpty() || orderNode == null || !orderNode.isObject()) {
            malformed(raw, "a trade update without event or order");
            return;
        }
        BrokerOrder raw0;
        try {
            raw0 = gateway.mapper().order(orderNode);
            AlpacaJson.instant(data, "timestamp").ifPresent(this::sawEvent);
            sawEvent(raw0.updatedAt());
        } catch (AlpacaPayloadException e) {
            malformed(raw, "trade update " + event + ": " + e.getMessage());
            return;
        }
        if (event.equals("replaced") || raw0.brokerStatus().equals("replaced")) {
            gateway.replacedOnStream(orderNode);
            return;
        }
        if (event.equals("fill") || event.equals("partial_fill")) {
            BrokerResult<BrokerTrade> trade = gateway.streamedFill(data, orderNode, raw0);
            if (trade instanceof BrokerResult.Success<BrokerTrade> success) {
                if (firstTime(success.value().fill().tradeId().value())) {
                    updates.tradeReported(AlpacaBrokerGateway.NAME, success.value());
                }
            } else if (trade instanceof BrokerResult.OutcomeUnknown<BrokerTrade> unknown
                    && unknown.reason().contains("could not be read")) {
                malformed(raw, "fill: " + unknown.reason());
                return;
            } else {
                LOG.warn("an Alpaca fill left to the order monitor: {}", trade);
            }
        }
        BrokerResult<BrokerOrder> view = gateway.streamedView(orderNode, raw0);
        if (view instanceof BrokerResult.Success<BrokerOrder> success) {
            updates.orderUpdated(AlpacaBrokerGateway.NAME, success.value());
        } else {
            LOG.warn("an Alpaca order update left to the order monitor: {}", view);
        }
    }

    private synchronized boolean firstTime(String executionId) {
        return executions.put(executionId, Boolean.TRUE) == null;
    }

    private void sawEvent(Instant at) {
        synchronized (lock) {
            if (lastEvent.isEmpty() || at.isAfter(lastEvent.get())) {
                lastEvent = Optional.of(at);
            }
        }
    }

    private void malformed(String raw, String problem) {
        updates.malformedPayload(AlpacaBrokerGateway.NAME, gatewayRedact(raw), problem);
    }

    private String gatewayRedact(String raw) {
        return gateway.http().redact(raw);
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

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            if (!current()) {
                webSocket.cancel();
                return;
            }
            ObjectNode auth = AlpacaJson.object();
            auth.put("action", "auth");
            auth.put("key", config.keyId());
            auth.put("secret", config.secretKey());
            webSocket.send(AlpacaJson.write(auth));
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            received(webSocket, text);
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            received(webSocket, bytes.utf8());
        }

        private void received(WebSocket webSocket, String text) {
            if (!current()) {
                return;
            }
            boolean wasListening;
            synchronized (lock) {
                wasListening = listening;
            }
            handle(this, webSocket, text);
            synchronized (lock) {
                if (wasListening && mine == generation && listening) {
                    updateFrames++;
                }
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            lost(this, "closed by Alpaca with code " + code);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
            lost(
                    this,
                    response != null
                            ? "handshake refused with HTTP " + response.code()
                            : failure.getClass().getSimpleName());
        }
    }
}

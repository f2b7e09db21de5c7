package io.openoms.app.http;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.sse.SseClient;
import io.openoms.app.security.Role;
import io.openoms.domain.order.OrderEvent.OrderFilled;
import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.in.OrderEventSubscription;
import io.openoms.domain.port.in.Subscription;
import io.openoms.domain.port.out.Journal;
import io.openoms.domain.port.out.JournalRecord;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/events}: Server-Sent Events (viewer).
 *
 * <p>Order events ({@code event: order}, and {@code event: fill} for a fill) are read from the
 * journal, and their {@code id:} is the journal's global sequence. The event bus only wakes the
 * stream (a poll every second is the safety net), so the journal alone decides what is sent: in
 * global order, each once, without gaps. A client resumes with {@code Last-Event-ID} (or {@code
 * ?lastEventId=}): the stream replays every order event after it, then continues live. Without one the
 * stream starts at the journal's current end ({@code ?lastEventId=0} replays everything).
 *
 * <p>A request must accept {@code text/event-stream} (browsers' {@code EventSource} does); any other
 * gets 406 {@code NOT_ACCEPTABLE}.
 *
 * <p>Position, trading-state, reconciliation and alert events ({@code event: position},
 * {@code trading-state}, {@code reconciliation}, {@code alert}) are not journalled: they are live only,
 * sent without an {@code id:} (so the browser's last event id stays the last order event's), and not
 * replayed on resume; read {@code /positions}, {@code /risk/trading-state} and {@code /reconciliation}
 * after reconnecting. A comment line every 15 seconds keeps idle connections open.
 */
public final class EventStreamRoutes implements HttpRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(EventStreamRoutes.class);
    private static final int MAX_CLIENTS = 64;
    private static final String EVENT_STREAM = "text/event-stream";
    private static final int PAGE = 500;
    private static final long POLL_MILLIS = 1_000;
    private static final long KEEP_ALIVE_MILLIS = 15_000;
    private static final long STOP_WAIT_MILLIS = 3_000;

    private final Journal journal;
    private final OrderEventSubscription subscriptions;
    private final AtomicInteger clients = new AtomicInteger();
    private final Set<LinkedBlockingQueue<Object>> streams = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    @Inject
    public EventStreamRoutes(Journal journal, OrderEventSubscription subscriptions) {
        this.journal = requireNonNull(journal, "journal is null");
        this.subscriptions = requireNonNull(subscriptions, "subscriptions is null");
    }

    @Override
    public void addTo(RoutesConfig routes) {
        // beforeMatched: after authentication (a before handler), so a request without a key gets 401 first
        routes.beforeMatched("/api/v1/events", ctx -> {
            if (clients.get() >= MAX_CLIENTS) {
                throw new ApiException(
                        503,
                        "TOO_MANY_STREAMS",
                        "the server serves at most " + MAX_CLIENTS + " event streams; retry later",
                        Map.of("retryAfterSeconds", 5));
            }
            String lastEventId = lastEventId(ctx.header("Last-Event-ID"), ctx.queryParam("lastEventId"));
            if (lastEventId != null && !lastEventId.matches("\\d{1,18}")) {
                throw ApiException.invalidField("Last-Event-ID", "must be a journal sequence (a whole number)");
            }
        });
        // Javalin serves the stream only to a request accepting text/event-stream and answers any other
        // with an empty 200; say what is missing instead. After authentication (a before handler).
        routes.beforeMatched("/api/v1/events", ctx -> {
            String accept = ctx.header("Accept");
            if (accept == null || !accept.contains(EVENT_STREAM)) {
                throw new ApiException(
                        406,
                        "NOT_ACCEPTABLE",
                        "the event stream is served to requests with the header 'Accept: " + EVENT_STREAM
                                + "' (curl -N -H 'Accept: " + EVENT_STREAM + "' ...)",
                        Map.of("accept", EVENT_STREAM));
            }
        });
        routes.sse("/api/v1/events", this::stream, Role.VIEWER);
    }

    private static String lastEventId(String header, String query) {
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        return query == null || query.isBlank() ? null : query.trim();
    }

    /** Ends every stream and waits up to {@link #STOP_WAIT_MILLIS} for them to finish. */
    @Override
    public void stopping() {
        stopping = true;
        streams.forEach(wake -> wake.offer(Boolean.TRUE));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MILLIS);
        synchronized (clients) {
            while (clients.get() > 0 && deadline - System.nanoTime() > 0) {
                try {
                    clients.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void stream(SseClient client) {
        clients.incrementAndGet();
        LinkedBlockingQueue<Object> wake = new LinkedBlockingQueue<>();
        streams.add(wake);
        LinkedBlockingQueue<OmsEvent> live = new LinkedBlockingQueue<>();
        Object tick = new Object();
        Subscription subscription = subscriptions.subscribe(event -> {
            if (!(event instanceof OmsEvent.OrderUpdated)) {
                live.add(event);
            }
            wake.offer(tick);
        });
        client.onClose(() -> wake.offer(tick));
        try {
            String resume = lastEventId(
                    client.ctx().header("Last-Event-ID"), client.ctx().queryParam("lastEventId"));
            long cursor = resume == null ? head() : Long.parseLong(resume);
            client.sendComment("openoms events after journal sequence " + cursor);
            long lastWrite = System.nanoTime();
            while (!client.terminated() && !stopping) {
                boolean sent = false;
                List<JournalRecord> page;
                do {
                    page = journal.readAfter(cursor, PAGE);
                    for (JournalRecord record : page) {
                        send(client, record);
                        cursor = record.globalSequence();
                        sent = true;
                    }
                } while (page.size() == PAGE && !client.terminated());
                List<OmsEvent> pending = new ArrayList<>();
                live.drainTo(pending);
                for (OmsEvent event : pending) {
                    sendLive(client, event);
                    sent = true;
                }
                if (sent) {
                    lastWrite = System.nanoTime();
                } else if (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastWrite) >= KEEP_ALIVE_MILLIS) {
                    client.sendComment("keep-alive");
                    lastWrite = System.nanoTime();
                }
                wake.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                wake.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The client went away or the server is stopping (the journal closed): the stream ends.
            LOG.debug("event stream ended: {}", e.toString());
        } finally {
            subscription.close();
            streams.remove(wake);
            synchronized (clients) {
                clients.decrementAndGet();
                clients.notifyAll();
            }
            try {
                client.close();
            } catch (RuntimeException e) {
                LOG.debug("event stream already closed: {}", e.toString());
            }
        }
    }

    /** The journal's last global sequence, found in O(log n) reads of one record. */
    private long head() {
        if (journal.readAfter(0, 1).isEmpty()) {
            return 0;
        }
        long low = 0;
        long high = 1;
        while (!journal.readAfter(high, 1).isEmpty()) {
            low = high;
            high *= 2;
        }
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (journal.readAfter(middle, 1).isEmpty()) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return high;
    }

    private static void send(SseClient client, JournalRecord record) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("globalSequence", record.globalSequence());
        data.put("recordedAt", record.recordedAt().toString());
        data.putAll(ApiViews.event(record.event()));
        String name = record.event() instanceof OrderFilled ? "fill" : "order";
        client.sendEvent(name, ApiJson.text(data), Long.toString(record.globalSequence()));
    }

    private static void sendLive(SseClient client, OmsEvent event) {
        if (event instanceof OmsEvent.PositionUpdated updated) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("change", updated.change().name());
            data.put("position", ApiViews.position(updated.position()));
            client.sendEvent("position", ApiJson.text(data));
        } else if (event instanceof OmsEvent.TradingStateChanged changed) {
            client.sendEvent("trading-state", ApiJson.text(ApiViews.tradingState(changed.account(), changed.change())));
        } else if (event instanceof OmsEvent.ReconciliationFound found) {
            client.sendEvent("reconciliation", ApiJson.text(ApiViews.finding(found.finding())));
        } else if (event instanceof OmsEvent.Alert alert) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("source", alert.source());
            data.put("message", alert.message());
            client.sendEvent("alert", ApiJson.text(data));
        }
    }
}

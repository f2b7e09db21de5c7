package io.openoms.application.events;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.in.OmsEventListener;
import io.openoms.domain.port.in.OrderEventSubscription;
import io.openoms.domain.port.in.Subscription;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers published events to in-process listeners, each on its own single thread and queue.
 *
 * <ul>
 *   <li>{@link #publish} only enqueues: it never blocks on a listener and never throws back into
 *       the engine.
 *   <li>Each listener gets every event published after it subscribed, once, in publish order.
 *       All listeners see the same order, also when several threads publish.
 *   <li>A listener that throws is logged and keeps receiving later events; a slow one delays
 *       only itself.
 *   <li>Overflow policy: a listener more than {@link EventBusConfig#maxQueuedEventsPerListener}
 *       events behind is unsubscribed rather than let the queue grow without bound or slow the
 *       publisher. It still receives what was queued, then a final {@link OmsEvent.Alert} saying
 *       it was cut off, so it knows to rebuild its view from the queries or the event stream.
 *   <li>{@link Subscription#close()} stops delivery after the event being delivered, if any;
 *       {@link #close()} stops accepting events and waits, up to {@link
 *       EventBusConfig#closeTimeout}, for listeners to take what was already published.
 * </ul>
 *
 * <p>Thread safety: safe from any thread.
 */
public final class EventBus implements OrderEventSubscription, OmsEventPublisher, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EventBus.class);

    private final EventBusConfig config;
    private final Object lock = new Object();
    private final List<ListenerQueue> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger subscriptions = new AtomicInteger();
    private boolean closed;

    public EventBus(EventBusConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    /** @throws IllegalStateException if the bus is closed */
    @Override
    public Subscription subscribe(OmsEventListener listener) {
        requireNonNull(listener, "listener is null");
        String name = "oms-event-listener-" + subscriptions.incrementAndGet();
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("The event bus is closed");
            }
            ListenerQueue queue =
                    new ListenerQueue(name, listener, config.maxQueuedEventsPerListener(), listeners::remove);
            listeners.add(queue);
            return queue;
        }
    }

    @Override
    public void publish(List<OmsEvent> events) {
        List<OmsEvent> batch = List.copyOf(requireNonNull(events, "events is null"));
        if (batch.isEmpty()) {
            return;
        }
        synchronized (lock) {
            if (closed) {
                log.warn("Event bus is closed; dropping {} event(s)", batch.size());
                return;
            }
            for (ListenerQueue listener : listeners) {
                listener.enqueue(batch);
            }
        }
    }

    /** Stops accepting events and lets listeners finish what was published, within the timeout. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<ListenerQueue> open = List.copyOf(listeners);
        open.forEach(ListenerQueue::shutdown);
        long deadline = System.nanoTime() + config.closeTimeout().toNanos();
        try {
            for (ListenerQueue listener : open) {
                if (!listener.awaitTermination(Math.max(0, deadline - System.nanoTime()))) {
                    log.warn(
                            "Event listener {} did not finish within {}; {} event(s) not delivered",
                            listener.name(),
                            config.closeTimeout(),
                            listener.queued());
                    listener.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open.forEach(ListenerQueue::shutdownNow);
        }
        listeners.clear();
    }
}

package io.openoms.application.events;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.port.in.OmsEvent;
import io.openoms.domain.port.in.OmsEventListener;
import io.openoms.domain.port.in.Subscription;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener's subscription: its own thread and queue, so it sees events in publish order and
 * never delays anyone else. Enqueueing never blocks; the count of undelivered events is bounded
 * by the bus's overflow policy.
 */
final class ListenerQueue implements Subscription {
    private static final Logger log = LoggerFactory.getLogger(ListenerQueue.class);

    private final String name;
    private final OmsEventListener listener;
    private final int maxQueuedEvents;
    private final Consumer<ListenerQueue> onClose;
    private final ExecutorService executor;
    private final AtomicInteger queued = new AtomicInteger();
    private volatile boolean closed;
    private volatile boolean overflowed;

    ListenerQueue(String name, OmsEventListener listener, int maxQueuedEvents, Consumer<ListenerQueue> onClose) {
        this.name = requireNonNull(name, "name is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.maxQueuedEvents = maxQueuedEvents;
        this.onClose = requireNonNull(onClose, "onClose is null");
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, name);
            // Shutdown is the bus's close(); a forgotten close must not keep the JVM alive.
            thread.setDaemon(true);
            return thread;
        });
    }

    String name() {
        return name;
    }

    /** Called under the bus's publish lock, so every listener gets batches in the same order. */
    void enqueue(List<OmsEvent> events) {
        if (closed || overflowed) {
            return;
        }
        if (queued.addAndGet(events.size()) > maxQueuedEvents) {
            queued.addAndGet(-events.size());
            overflowed = true;
            log.error(
                    "Event listener {} fell more than {} events behind and is unsubscribed; it gets no further events",
                    name,
                    maxQueuedEvents);
            execute(this::reportOverflowAndClose);
            return;
        }
        execute(() -> deliver(events));
    }

    int queued() {
        return queued.get();
    }

    /** Stops taking events; the thread finishes what is queued, unless the subscription was closed. */
    void shutdown() {
        executor.shutdown();
    }

    boolean awaitTermination(long nanos) throws InterruptedException {
        return executor.awaitTermination(nanos, TimeUnit.NANOSECONDS);
    }

    void shutdownNow() {
        executor.shutdownNow();
    }

    @Override
    public void close() {
        closed = true;
        onClose.accept(this);
        executor.shutdown();
    }

    private void execute(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // Shut down by a close() that raced this publish: nothing more is delivered anyway.
            log.debug("Event listener {} is shut down; dropping events", name);
        }
    }

    private void deliver(List<OmsEvent> events) {
        int delivered = 0;
        try {
            for (OmsEvent event : events) {
                if (closed) {
                    return;
                }
                deliver(event);
                delivered++;
                queued.decrementAndGet();
            }
        } finally {
            queued.addAndGet(-(events.size() - delivered));
        }
    }

    private void deliver(OmsEvent event) {
        try {
            listener.onEvent(event);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // A listener's bug must not cost it (or anyone else) later events.
            log.error("Event listener {} failed on {}", name, event.getClass().getSimpleName(), e);
        }
    }

    private void reportOverflowAndClose() {
        if (!closed) {
            deliver(new OmsEvent.Alert(
                    "event-bus",
                    "Listener " + name + " fell more than " + maxQueuedEvents
                            + " events behind and was unsubscribed; later events were not delivered",
                    Optional.empty()));
        }
        close();
    }

    @Override
    public String toString() {
        return name;
    }
}

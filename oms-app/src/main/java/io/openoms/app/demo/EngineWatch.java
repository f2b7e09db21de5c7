package io.openoms.app.demo;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.port.in.OrderEventSubscription;
import io.openoms.domain.port.in.Subscription;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits, up to a deadline, for what the engine reports to reach a state: each wait reads, and reads
 * again whenever the engine publishes an event. Some changes publish none (marks), and a read may
 * see an event's effect a moment late, so a wait also reads again after {@value #RECHECK_MILLIS} ms
 * without an event. Thread safety: one waiter at a time.
 */
final class EngineWatch implements AutoCloseable {
    private static final long RECHECK_MILLIS = 20;

    private final Object signal = new Object();
    private final Subscription subscription;
    private long events;

    EngineWatch(OrderEventSubscription subscriptions) {
        requireNonNull(subscriptions, "subscriptions is null");
        this.subscription = subscriptions.subscribe(event -> {
            synchronized (signal) {
                events++;
                signal.notifyAll();
            }
        });
    }

    /**
     * Reads {@code read} until {@code done} holds or {@code timeout} has passed; returns the last value
     * read, which the caller checks (it does not hold when the deadline passed first).
     */
    <T> T await(Supplier<T> read, Predicate<T> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long seen;
            synchronized (signal) {
                seen = events;
            }
            T value = read.get();
            long remaining = deadline - System.nanoTime();
            if (done.test(value) || remaining <= 0) {
                return value;
            }
            synchronized (signal) {
                if (events == seen) {
                    signal.wait(Math.max(1, Math.min(RECHECK_MILLIS, remaining / 1_000_000)));
                }
            }
        }
    }

    @Override
    public void close() {
        subscription.close();
    }
}

package io.openoms.app;

import static java.util.Objects.requireNonNull;

import io.openoms.application.killswitch.KillSwitchTriggers;
import io.openoms.domain.port.in.OrderEventSubscription;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One pass of the automatic kill switch: {@link KillSwitchTriggers#evaluate} at the clock's now. The
 * first pass (the runtime runs it at start-up, after recovery and before the HTTP server accepts
 * orders) also subscribes the triggers to the event bus, so the rejection-burst trigger counts
 * broker rejections; subscribing starts a listener thread, which is why it is not done when the
 * object graph is built. Thread safety: safe from any thread.
 */
final class KillSwitchLoop implements Runnable {
    private final KillSwitchTriggers triggers;
    private final OrderEventSubscription events;
    private final Clock clock;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    KillSwitchLoop(KillSwitchTriggers triggers, OrderEventSubscription events, Clock clock) {
        this.triggers = requireNonNull(triggers, "triggers is null");
        this.events = requireNonNull(events, "events is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void run() {
        if (subscribed.compareAndSet(false, true)) {
            events.subscribe(triggers);
        }
        triggers.evaluate(clock.instant());
    }
}

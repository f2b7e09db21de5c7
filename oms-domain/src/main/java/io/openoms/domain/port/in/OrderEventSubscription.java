package io.openoms.domain.port.in;

/**
 * Registers in-process listeners for order, fill, position, risk and reconciliation events.
 *
 * <p>Each listener runs on its own executor, never on the engine's thread: a slow or throwing
 * listener never stalls trading or other listeners. A listener sees every event published after
 * it subscribed exactly once, and the events of one order in their sequence order. Events are
 * published only after they are durable.
 */
public interface OrderEventSubscription {
    Subscription subscribe(OmsEventListener listener);
}

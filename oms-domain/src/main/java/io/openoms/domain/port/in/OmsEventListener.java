package io.openoms.domain.port.in;

/** Receives {@link OmsEvent}s; see {@link OrderEventSubscription} for ordering and threading. */
@FunctionalInterface
public interface OmsEventListener {
    void onEvent(OmsEvent event);
}

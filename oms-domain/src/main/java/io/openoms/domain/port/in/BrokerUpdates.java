package io.openoms.domain.port.in;

import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerTrade;

/**
 * How a broker adapter hands execution reports into the core — a driving port, though the
 * adapter is a driven one. Updates may arrive duplicated, late or out of order (a fill before the
 * acknowledgement, an acknowledgement after the cancel); the core applies them idempotently.
 *
 * <p>Nothing handed in is ever dropped: when the engine's queue is full these calls block the
 * adapter's thread until there is room. Thread safety: safe from any thread.
 */
public interface BrokerUpdates {
    /** The broker's current view of one order (from a stream or a poll). */
    void orderUpdated(String broker, BrokerOrder order);

    /** One execution. */
    void tradeReported(String broker, BrokerTrade trade);

    /**
     * A payload the adapter could not translate. It is quarantined with the raw text and an alert,
     * never applied. {@code rawPayload} must not contain credentials.
     */
    void malformedPayload(String broker, String rawPayload, String problem);

    /** The update stream (re)connected: updates may have been missed, so the core re-reads the day's orders. */
    void streamReconnected(String broker);
}

package io.openoms.app.runtime;

import io.openoms.domain.port.in.BrokerUpdates;

/**
 * The connection side of a broker adapter, as the runtime sees it: opened after recovery (from then
 * on the broker's updates reach the core through {@code updates}), reported by {@code
 * /health/ready}, and closed last at shutdown. Each broker module binds one into the set.
 */
public interface BrokerSession {
    String name();

    /** Starts delivering the broker's order updates and trades to {@code updates}. */
    void open(BrokerUpdates updates);

    BrokerSessionState state();

    /** Ends the session; idempotent. */
    void close();
}

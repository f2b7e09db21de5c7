package io.openoms.app.runtime;

import io.openoms.domain.port.in.BrokerUpdates;
import java.util.Map;

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

    /** Broker-specific facts for {@code /health/ready} (e.g. the login state and token expiry); none by default. */
    default Map<String, Object> details() {
        return Map.of();
    }

    /** Ends the session; idempotent. */
    void close();
}

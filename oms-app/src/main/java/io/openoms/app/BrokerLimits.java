package io.openoms.app;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.port.out.BrokerRateLimits;

/** One broker module's rate limits, contributed into a set under the broker's name. */
record BrokerLimits(String broker, BrokerRateLimits limits) {
    public BrokerLimits {
        requireNonNull(broker, "broker is null");
        requireNonNull(limits, "limits is null");
    }
}

package io.openoms.adapters.broker.mock;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.port.in.BrokerUpdates;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.port.out.BrokerTrade;

/** One message of the venue's update stream, queued until it is pushed to the core. */
sealed interface VenueUpdate {
    void deliverTo(String broker, BrokerUpdates updates);

    record OrderUpdate(BrokerOrder order) implements VenueUpdate {
        public OrderUpdate {
            requireNonNull(order, "order is null");
        }

        @Override
        public void deliverTo(String broker, BrokerUpdates updates) {
            updates.orderUpdated(broker, order);
        }
    }

    record TradeUpdate(BrokerTrade trade) implements VenueUpdate {
        public TradeUpdate {
            requireNonNull(trade, "trade is null");
        }

        @Override
        public void deliverTo(String broker, BrokerUpdates updates) {
            updates.tradeReported(broker, trade);
        }
    }

    record Malformed(String rawPayload, String problem) implements VenueUpdate {
        public Malformed {
            requireNonNull(rawPayload, "rawPayload is null");
            requireNonNull(problem, "problem is null");
        }

        @Override
        public void deliverTo(String broker, BrokerUpdates updates) {
            updates.malformedPayload(broker, rawPayload, problem);
        }
    }

    record Reconnected() implements VenueUpdate {
        @Override
        public void deliverTo(String broker, BrokerUpdates updates) {
            updates.streamReconnected(broker);
        }
    }
}

package io.openoms.domain.port.out;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.Fill;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Side;

/** One execution as the broker reports it: the fill and the order it belongs to. */
public record BrokerTrade(BrokerOrderId brokerOrderId, InstrumentId instrument, Side side, Product product, Fill fill) {
    public BrokerTrade {
        requireNonNull(brokerOrderId, "brokerOrderId is null");
        requireNonNull(instrument, "instrument is null");
        requireNonNull(side, "side is null");
        requireNonNull(product, "product is null");
        requireNonNull(fill, "fill is null");
    }
}

package io.openoms.simulators.alpaca;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.value.Side;
import java.time.Instant;
import java.util.Optional;

/** One Alpaca order of the simulator; its venue order is shared along a replace chain. Guarded by the book's lock. */
final class AlpacaSimOrder {
    final String id;
    final String clientOrderId;
    final InstrumentId instrument;
    final Side side;
    final String type;
    final String timeInForce;
    final Instant createdAt;
    final Optional<String> replaces;
    BrokerOrderId venueId;
    Optional<String> replacedBy = Optional.empty();
    Optional<BrokerOrder> frozen = Optional.empty();
    boolean announced;

    AlpacaSimOrder(
            String id,
            String clientOrderId,
            InstrumentId instrument,
            Side side,
            String type,
            String tif,
            Instant createdAt,
            Optional<String> replaces) {
        this.id = id;
        this.clientOrderId = clientOrderId;
        this.instrument = instrument;
        this.side = side;
        this.type = type;
        this.timeInForce = tif;
        this.createdAt = createdAt;
        this.replaces = replaces;
    }
}

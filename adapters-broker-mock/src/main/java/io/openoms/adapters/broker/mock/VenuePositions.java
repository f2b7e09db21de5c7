package io.openoms.adapters.broker.mock;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.port.out.BrokerPosition;
import io.openoms.domain.value.DecimalPrecision;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The venue's own net positions per instrument and product, at average cost: adding to a position
 * re-averages, reducing keeps the average, flipping starts over at the fill price. Not thread-safe.
 */
final class VenuePositions {
    private record Key(InstrumentId instrument, Product product) {}

    private static final class Net {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal averagePrice = BigDecimal.ZERO;
    }

    private final Map<Key, Net> positions = new LinkedHashMap<>();

    void apply(InstrumentId instrument, Product product, Side side, Quantity quantity, Price price) {
        Net net = positions.computeIfAbsent(new Key(instrument, product), ignored -> new Net());
        BigDecimal before = net.quantity;
        BigDecimal change = quantity.signed(side);
        BigDecimal after = before.add(change);
        if (before.signum() == 0 || before.signum() == change.signum()) {
            net.averagePrice = net.averagePrice
                    .multiply(before.abs())
                    .add(price.value().multiply(change.abs()))
                    .divide(after.abs(), DecimalPrecision.DIVISION);
        } else if (after.signum() != 0 && after.signum() != before.signum()) {
            net.averagePrice = price.value();
        } else if (after.signum() == 0) {
            net.averagePrice = BigDecimal.ZERO;
        }
        net.quantity = after;
    }

    /** The open (non-flat) positions, in the order they were first traded. */
    List<BrokerPosition> open() {
        List<BrokerPosition> open = new ArrayList<>();
        positions.forEach((key, net) -> {
            if (net.quantity.signum() != 0) {
                open.add(new BrokerPosition(
                        key.instrument(), key.product(), net.quantity, Optional.of(Price.of(net.averagePrice))));
            }
        });
        return open;
    }
}

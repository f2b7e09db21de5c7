package io.openoms.domain.port.out;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.OrderModification;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.time.Instant;
import java.util.Optional;

/**
 * The broker's view of one order, translated. {@code clientOrderId} is present when the order
 * carries our correlation tag; an order without it was placed outside OpenOMS. {@code status} is
 * the broker status mapped to ours ({@code brokerStatus} keeps the original text); a status the
 * adapter does not recognise maps to a live state, never a terminal one.
 */
public record BrokerOrder(
        BrokerOrderId brokerOrderId,
        Optional<ClientOrderId> clientOrderId,
        Optional<String> tag,
        InstrumentId instrument,
        Side side,
        OrderType type,
        Product product,
        Quantity quantity,
        Quantity filledQuantity,
        Quantity cancelledQuantity,
        Optional<Price> limitPrice,
        Optional<Price> triggerPrice,
        Optional<Price> averagePrice,
        OrderStatus status,
        String brokerStatus,
        Optional<String> statusMessage,
        Instant updatedAt) {
    public BrokerOrder {
        requireNonNull(brokerOrderId, "brokerOrderId is null");
        requireNonNull(clientOrderId, "clientOrderId is null");
        requireNonNull(tag, "tag is null");
        requireNonNull(instrument, "instrument is null");
        requireNonNull(side, "side is null");
        requireNonNull(type, "type is null");
        requireNonNull(product, "product is null");
        requireNonNull(quantity, "quantity is null");
        requireNonNull(filledQuantity, "filledQuantity is null");
        requireNonNull(cancelledQuantity, "cancelledQuantity is null");
        requireNonNull(limitPrice, "limitPrice is null");
        requireNonNull(triggerPrice, "triggerPrice is null");
        requireNonNull(averagePrice, "averagePrice is null");
        requireNonNull(status, "status is null");
        requireNonNull(brokerStatus, "brokerStatus is null");
        requireNonNull(statusMessage, "statusMessage is null");
        requireNonNull(updatedAt, "updatedAt is null");
        if (filledQuantity.plus(cancelledQuantity).isGreaterThan(quantity)) {
            throw new IllegalArgumentException("broker order " + brokerOrderId + ": filled " + filledQuantity
                    + " + cancelled " + cancelledQuantity + " exceed quantity " + quantity);
        }
    }

    /** What is still working: quantity − filled − cancelled. */
    public Quantity pendingQuantity() {
        return quantity.minus(filledQuantity).minus(cancelledQuantity);
    }

    /** Whether this view already shows every value the modification asked for (it has taken effect). */
    public boolean shows(OrderModification modification) {
        return modification.quantity().map(q -> q.compareTo(quantity) == 0).orElse(true)
                && modification
                        .limitPrice()
                        .map(p -> limitPrice.filter(p::equals).isPresent())
                        .orElse(true)
                && modification
                        .triggerPrice()
                        .map(p -> triggerPrice.filter(p::equals).isPresent())
                        .orElse(true);
    }
}

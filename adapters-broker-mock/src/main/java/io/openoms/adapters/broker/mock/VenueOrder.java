package io.openoms.adapters.broker.mock;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.instrument.InstrumentId;
import io.openoms.domain.order.BrokerOrderId;
import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.order.OrderStatus;
import io.openoms.domain.order.OrderType;
import io.openoms.domain.order.TimeInForce;
import io.openoms.domain.port.out.BrokerOrder;
import io.openoms.domain.value.DecimalPrecision;
import io.openoms.domain.value.Price;
import io.openoms.domain.value.Product;
import io.openoms.domain.value.Quantity;
import io.openoms.domain.value.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** One order at the venue, mutable; only touched under the venue's lock. */
final class VenueOrder {
    enum State {
        PENDING_ACK,
        OPEN,
        COMPLETE,
        CANCELLED,
        REJECTED
    }

    final BrokerOrderId id;
    final Optional<ClientOrderId> clientOrderId;
    final InstrumentId instrument;
    final Side side;
    final OrderType type;
    final Product product;
    final TimeInForce timeInForce;
    final Instant acknowledgeAt;
    Quantity quantity;
    Optional<Price> limitPrice;
    Optional<Price> triggerPrice;
    Quantity filled = Quantity.ZERO;
    Quantity cancelled = Quantity.ZERO;
    BigDecimal filledNotional = BigDecimal.ZERO;
    State state = State.PENDING_ACK;
    Optional<String> statusMessage = Optional.empty();
    Instant updatedAt;
    boolean triggered;
    boolean attempted;
    long visibleFromStep;
    boolean holdAcknowledgement;
    Optional<BrokerOrder> heldAcknowledgement = Optional.empty();
    Optional<String> rejectOnAcknowledgement = Optional.empty();
    boolean cancelAfterNextFill;

    VenueOrder(
            BrokerOrderId id,
            Optional<ClientOrderId> clientOrderId,
            InstrumentId instrument,
            Side side,
            OrderType type,
            Product product,
            TimeInForce timeInForce,
            Quantity quantity,
            Optional<Price> limitPrice,
            Optional<Price> triggerPrice,
            Instant placedAt,
            Instant acknowledgeAt) {
        this.id = requireNonNull(id, "id is null");
        this.clientOrderId = requireNonNull(clientOrderId, "clientOrderId is null");
        this.instrument = requireNonNull(instrument, "instrument is null");
        this.side = requireNonNull(side, "side is null");
        this.type = requireNonNull(type, "type is null");
        this.product = requireNonNull(product, "product is null");
        this.timeInForce = requireNonNull(timeInForce, "timeInForce is null");
        this.quantity = requireNonNull(quantity, "quantity is null");
        this.limitPrice = requireNonNull(limitPrice, "limitPrice is null");
        this.triggerPrice = requireNonNull(triggerPrice, "triggerPrice is null");
        this.updatedAt = requireNonNull(placedAt, "placedAt is null");
        this.acknowledgeAt = requireNonNull(acknowledgeAt, "acknowledgeAt is null");
    }

    Quantity remaining() {
        return quantity.minus(filled).minus(cancelled);
    }

    boolean isWorking() {
        return state == State.PENDING_ACK || state == State.OPEN;
    }

    boolean awaitsTrigger() {
        return type.requiresTriggerPrice() && !triggered;
    }

    /** The venue's view in Kite's vocabulary, mapped to our statuses. */
    BrokerOrder snapshot() {
        String brokerStatus;
        OrderStatus status;
        switch (state) {
            case PENDING_ACK -> {
                brokerStatus = "PUT ORDER REQ RECEIVED";
                status = OrderStatus.SUBMITTED;
            }
            case OPEN -> {
                brokerStatus = awaitsTrigger() ? "TRIGGER PENDING" : "OPEN";
                status = filled.isZero() ? OrderStatus.ACCEPTED : OrderStatus.PARTIALLY_FILLED;
            }
            case COMPLETE -> {
                brokerStatus = "COMPLETE";
                status = OrderStatus.FILLED;
            }
            case CANCELLED -> {
                brokerStatus = "CANCELLED";
                status = OrderStatus.CANCELLED;
            }
            case REJECTED -> {
                brokerStatus = "REJECTED";
                status = OrderStatus.REJECTED;
            }
            default -> throw new IllegalStateException("unknown state " + state);
        }
        Optional<Price> averagePrice = filled.isZero()
                ? Optional.empty()
                : Optional.of(Price.of(filledNotional.divide(filled.value(), DecimalPrecision.DIVISION)));
        return new BrokerOrder(
                id,
                clientOrderId,
                clientOrderId.map(ClientOrderId::value),
                instrument,
                side,
                type,
                product,
                quantity,
                filled,
                cancelled,
                limitPrice,
                triggerPrice,
                averagePrice,
                status,
                brokerStatus,
                statusMessage,
                updatedAt);
    }
}

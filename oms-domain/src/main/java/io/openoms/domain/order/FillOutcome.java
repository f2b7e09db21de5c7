package io.openoms.domain.order;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.OrderEvent.OrderFilled;
import java.util.List;

/**
 * What became of a reported fill: applied (with the event to journal and the updated order), a
 * duplicate of a trade already recorded (nothing to do), or refused with the reason (a fill the
 * order cannot take: never sent, rejected, already filled, or more than remains).
 */
public sealed interface FillOutcome {

    /** The events to journal: the {@link OrderFilled} when applied, none otherwise. */
    List<OrderEvent> events();

    record Applied(OrderFilled event, Order order) implements FillOutcome {
        public Applied {
            requireNonNull(event, "event is null");
            requireNonNull(order, "order is null");
        }

        @Override
        public List<OrderEvent> events() {
            return List.of(event);
        }
    }

    record Duplicate(TradeId tradeId) implements FillOutcome {
        public Duplicate {
            requireNonNull(tradeId, "tradeId is null");
        }

        @Override
        public List<OrderEvent> events() {
            return List.of();
        }
    }

    record Refused(String reason) implements FillOutcome {
        public Refused {
            requireNonNull(reason, "reason is null");
        }

        @Override
        public List<OrderEvent> events() {
            return List.of();
        }
    }
}

package io.openoms.domain.port.in;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.Order;
import io.openoms.domain.order.OrderEvent;
import io.openoms.domain.position.Position;
import io.openoms.domain.position.PositionChange;
import io.openoms.domain.reconciliation.ReconciliationFinding;
import io.openoms.domain.risk.TradingStateChange;
import io.openoms.domain.value.AccountId;
import java.util.Optional;

/** What listeners and the event stream receive. A fill is an {@link OrderUpdated} carrying an {@code OrderFilled}. */
public sealed interface OmsEvent {
    /** An order changed: the event and the order as it stands after it. */
    record OrderUpdated(OrderEvent event, Order order) implements OmsEvent {
        public OrderUpdated {
            requireNonNull(event, "event is null");
            requireNonNull(order, "order is null");
        }
    }

    /** A fill changed a position. */
    record PositionUpdated(Position position, PositionChange change) implements OmsEvent {
        public PositionUpdated {
            requireNonNull(position, "position is null");
            requireNonNull(change, "change is null");
        }
    }

    /** An account's trading state changed (by an admin or an automatic trigger). */
    record TradingStateChanged(AccountId account, TradingStateChange change) implements OmsEvent {
        public TradingStateChanged {
            requireNonNull(account, "account is null");
            requireNonNull(change, "change is null");
        }
    }

    /** Reconciliation found a difference with the broker. */
    record ReconciliationFound(ReconciliationFinding finding) implements OmsEvent {
        public ReconciliationFound {
            requireNonNull(finding, "finding is null");
        }
    }

    /** Something an operator must look at: a quarantined broker payload, a lost broker session, … */
    record Alert(String source, String message, Optional<String> rawPayload) implements OmsEvent {
        public Alert {
            requireNonNull(source, "source is null");
            requireNonNull(message, "message is null");
            requireNonNull(rawPayload, "rawPayload is null");
        }
    }
}

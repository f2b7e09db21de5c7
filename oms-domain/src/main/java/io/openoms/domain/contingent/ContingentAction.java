package io.openoms.domain.contingent;

import static java.util.Objects.requireNonNull;

import io.openoms.domain.order.ClientOrderId;
import io.openoms.domain.value.Quantity;

/** What the engine must do to keep an order list's rule: the output of {@link OrderList#next}. */
public sealed interface ContingentAction {
    /** Submit leg {@code key} of the list (its request is on the list), then record its order id. */
    record SubmitLeg(String key) implements ContingentAction {
        public SubmitLeg {
            requireNonNull(key, "key is null");
        }
    }

    /** Modify the order's quantity to {@code quantity} (its filled quantity plus what it may still fill). */
    record ResizeLeg(ClientOrderId orderId, Quantity quantity) implements ContingentAction {
        public ResizeLeg {
            requireNonNull(orderId, "orderId is null");
            requireNonNull(quantity, "quantity is null");
        }
    }

    /** Cancel the order: the list's rule says it must not fill any more. */
    record CancelLeg(ClientOrderId orderId, String reason) implements ContingentAction {
        public CancelLeg {
            requireNonNull(orderId, "orderId is null");
            requireNonNull(reason, "reason is null");
        }
    }

    /**
     * The legs filled {@code excess} more than the list allows: a fill raced a cancel or a resize.
     * The position already holds it; the engine reports it (a finding) rather than trade it away.
     */
    record Overfilled(Quantity excess) implements ContingentAction {
        public Overfilled {
            requireNonNull(excess, "excess is null");
        }
    }
}

package io.openoms.domain.order;

/**
 * The kind of an {@link OrderEvent}, the column of the transition table. {@link #typeName()} is the
 * stable name the journal stores; it equals the event record's simple name and must never change
 * for an existing kind.
 */
public enum OrderEventType {
    CREATED("OrderCreated"),
    RELEASED("OrderReleased"),
    SUBMITTED("OrderSubmitted"),
    ACCEPTED("OrderAccepted"),
    REJECTED("OrderRejected"),
    FILLED("OrderFilled"),
    CANCEL_REQUESTED("OrderCancelRequested"),
    CANCELLED("OrderCancelled"),
    CANCEL_REJECTED("OrderCancelRejected"),
    MODIFY_REQUESTED("OrderModifyRequested"),
    MODIFIED("OrderModified"),
    MODIFY_REJECTED("OrderModifyRejected"),
    EXPIRED("OrderExpired"),
    ERRORED("OrderErrored"),
    LOCKED("OrderLocked"),
    OUTCOME_UNKNOWN("OrderOutcomeUnknown");

    private final String typeName;

    OrderEventType(String typeName) {
        this.typeName = typeName;
    }

    public String typeName() {
        return typeName;
    }
}

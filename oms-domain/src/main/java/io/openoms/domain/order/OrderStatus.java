package io.openoms.domain.order;

/**
 * Where an order is in its life. {@code CREATED} is ours alone (not yet past pre-trade risk);
 * the open states are those in which the venue has, or may have, the order; the terminal states
 * never change again (a late fill on {@code CANCELLED}, {@code EXPIRED} or {@code ERROR} is still
 * recorded, but the status stays). See {@code OrderTransitions} for the table.
 */
public enum OrderStatus {
    CREATED,
    PENDING_SUBMISSION,
    SUBMITTED,
    ACCEPTED,
    PARTIALLY_FILLED,
    FILLED,
    PENDING_CANCEL,
    PENDING_MODIFY,
    CANCELLED,
    REJECTED,
    EXPIRED,
    ERROR;

    /** {@code FILLED}, {@code CANCELLED}, {@code REJECTED}, {@code EXPIRED} or {@code ERROR}. */
    public boolean isTerminal() {
        return switch (this) {
            case FILLED, CANCELLED, REJECTED, EXPIRED, ERROR -> true;
            default -> false;
        };
    }

    /** Sent or being sent to the venue and not terminal: the order may still trade. */
    public boolean isOpen() {
        return this != CREATED && !isTerminal();
    }

    /** The same as {@link #isOpen()}: the states in which fills are expected. */
    public boolean isLive() {
        return isOpen();
    }

    /** A cancel or a modify request is awaiting the venue's answer. */
    public boolean isPending() {
        return this == PENDING_CANCEL || this == PENDING_MODIFY;
    }
}
